namespace ProtocolLab.Chain.Abi;

/// <summary>A contract constructor; its arguments are appended to the creation bytecode.</summary>
public sealed class AbiConstructor
{
    private readonly AbiType[] _types;
    private readonly string[] _names;

    public AbiConstructor(IReadOnlyList<AbiParameter> inputs, string stateMutability = "nonpayable")
    {
        Inputs = inputs.ToArray();
        StateMutability = stateMutability;
        _types = AbiParameter.TypesOf(Inputs);
        _names = AbiParameter.NamesOf(Inputs);
    }

    /// <summary>What a contract without a declared constructor has.</summary>
    public static AbiConstructor Default { get; } = new([]);

    public IReadOnlyList<AbiParameter> Inputs { get; }

    public string StateMutability { get; }

    public byte[] EncodeArguments(params object?[] args) => AbiEncoder.EncodeWithPrefix([], _types, _names, args);

    /// <summary>Creation bytecode followed by the encoded arguments, in one buffer: the data of a deployment.</summary>
    public byte[] EncodeDeployment(ReadOnlySpan<byte> bytecode, params object?[] args) =>
        AbiEncoder.EncodeWithPrefix(bytecode, _types, _names, args);

    public override string ToString() => AbiSignature.Of("constructor", Inputs);
}
