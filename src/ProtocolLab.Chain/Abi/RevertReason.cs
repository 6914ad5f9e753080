using System.Globalization;
using System.Numerics;
using System.Text;
using ProtocolLab.Chain.Hex;

namespace ProtocolLab.Chain.Abi;

/// <summary>Why a call reverted, decoded from its revert data by <see cref="RevertDecoder"/>.</summary>
public abstract record RevertReason(RevertKind Kind, byte[] Data)
{
    public sealed record Empty() : RevertReason(RevertKind.Empty, [])
    {
        public override string ToString() => "revert without data";
    }

    public sealed record ErrorMessage(string Message, byte[] Data) : RevertReason(RevertKind.Error, Data)
    {
        public override string ToString() => $"Error(\"{Message}\")";
    }

    public sealed record Panic(BigInteger Code, byte[] Data) : RevertReason(RevertKind.Panic, Data)
    {
        /// <summary>What the code means, e.g. "arithmetic overflow or underflow" for 0x11.</summary>
        public string Meaning => PanicCodes.Describe(Code);

        public override string ToString() => $"Panic(0x{Code.ToString("x2", CultureInfo.InvariantCulture).TrimStart('0').PadLeft(2, '0')}: {Meaning})";
    }

    public sealed record CustomError(AbiError Error, IReadOnlyList<object?> Arguments, byte[] Data) : RevertReason(RevertKind.CustomError, Data)
    {
        public string Name => Error.Name;

        /// <summary>The argument declared as <paramref name="name"/>.</summary>
        public object? this[string name]
        {
            get
            {
                for (var i = 0; i < Error.Inputs.Count; i++)
                {
                    if (Error.Inputs[i].Name == name)
                        return Arguments[i];
                }
                throw new KeyNotFoundException($"error {Error.Signature} has no parameter '{name}'");
            }
        }

        public T Get<T>(string name) => this[name] is T typed
            ? typed
            : throw new InvalidCastException($"{Name}.{name} is not a {typeof(T).Name}");

        /// <summary>e.g. <c>InsufficientCollateral(required=100, available=50)</c>.</summary>
        public override string ToString()
        {
            var sb = new StringBuilder(Name).Append('(');
            AbiValueFormatter.AppendArguments(sb, Error.Inputs, Arguments);
            return sb.Append(')').ToString();
        }
    }

    public sealed record Unknown(byte[] Data, string Note) : RevertReason(RevertKind.Unknown, Data)
    {
        public override string ToString() => $"unknown revert data {HexConvert.ToHex(Data)} ({Note})";
    }
}
