using ProtocolLab.Chain.Hex;

namespace ProtocolLab.Chain.Abi;

/// <summary>A Solidity custom error (<c>error InsufficientCollateral(uint256 required, uint256 available)</c>).</summary>
public sealed class AbiError
{
    private readonly byte[] _selector;
    private readonly AbiType[] _types;
    private readonly string[] _names;

    public AbiError(string name, IReadOnlyList<AbiParameter> inputs)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        Inputs = inputs.ToArray();
        Signature = AbiSignature.Of(name, Inputs);
        _selector = AbiSignature.Selector(Signature);
        _types = AbiParameter.TypesOf(Inputs);
        _names = AbiParameter.NamesOf(Inputs);
    }

    /// <summary>The built-in <c>Error(string)</c> that <c>require(cond, "message")</c> reverts with.</summary>
    public static AbiError ErrorString { get; } = new("Error", [new AbiParameter("message", AbiType.String)]);

    /// <summary>The built-in <c>Panic(uint256)</c> of failed asserts, overflows and the like.</summary>
    public static AbiError Panic { get; } = new("Panic", [new AbiParameter("code", AbiType.UInt256)]);

    public string Name { get; }

    public IReadOnlyList<AbiParameter> Inputs { get; }

    public string Signature { get; }

    public ReadOnlySpan<byte> Selector => _selector;

    public string SelectorHex => HexConvert.ToHex(_selector);

    public static AbiError FromSignature(string signature)
    {
        var (name, parameters) = AbiSignature.Parse(signature);
        return new AbiError(name, parameters);
    }

    /// <summary>Revert data as the EVM returns it: selector followed by the encoded arguments.</summary>
    public byte[] Encode(params object?[] args) => AbiEncoder.EncodeWithPrefix(_selector, _types, _names, args);

    /// <summary>Decodes revert data (selector included); the selector must be this error's.</summary>
    public object?[] DecodeArguments(ReadOnlySpan<byte> revertData)
    {
        if (revertData.Length < 4 || !revertData[..4].SequenceEqual(_selector))
            throw new AbiDecodingException($"revert data does not start with the selector {SelectorHex} of {Signature}");
        return AbiDecoder.Decode(_types, _names, revertData[4..]);
    }

    public override string ToString() => Signature;
}
