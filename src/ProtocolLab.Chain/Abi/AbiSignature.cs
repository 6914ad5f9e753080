using System.Buffers.Binary;
using System.Text;
using ProtocolLab.Chain.Hex;

namespace ProtocolLab.Chain.Abi;

/// <summary>Canonical signatures, their Keccak hashes and the 4-byte selectors derived from them.</summary>
public static class AbiSignature
{
    /// <summary><c>name(type1,type2,...)</c> with canonical types and no spaces or parameter names.</summary>
    public static string Of(string name, IReadOnlyList<AbiParameter> parameters)
    {
        var sb = new StringBuilder(name).Append('(');
        for (var i = 0; i < parameters.Count; i++)
        {
            if (i > 0)
                sb.Append(',');
            sb.Append(parameters[i].Type.CanonicalName);
        }
        return sb.Append(')').ToString();
    }

    /// <summary>The first four bytes of keccak256(signature).</summary>
    public static byte[] Selector(string signature) => Keccak256.Hash(signature)[..4];

    /// <summary>Parses <c>name(type,...)</c> into a name and unnamed parameters, e.g. for <c>transfer(address,uint256)</c>.</summary>
    public static (string Name, AbiParameter[] Parameters) Parse(string signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        var open = signature.IndexOf('(', StringComparison.Ordinal);
        if (open <= 0)
            throw new FormatException($"expected a signature like name(type,...), found \"{signature}\"");
        var tuple = AbiType.Parse(signature[open..]);
        if (tuple.Kind != AbiTypeKind.Tuple)
            throw new FormatException($"expected a parameter list after the name in \"{signature}\"");
        var parameters = new AbiParameter[tuple.Components.Count];
        for (var i = 0; i < parameters.Length; i++)
            parameters[i] = new AbiParameter("", tuple.Components[i]);
        return (signature[..open], parameters);
    }

    internal static uint Key(ReadOnlySpan<byte> selector) => BinaryPrimitives.ReadUInt32BigEndian(selector);
}
