using ProtocolLab.Chain.Hex;

namespace ProtocolLab.Chain.Abi;

/// <summary>A contract function: its selector, call encoding and output decoding.</summary>
public sealed class AbiFunction
{
    private readonly byte[] _selector;
    private readonly AbiType[] _inputTypes;
    private readonly string[] _inputNames;
    private readonly AbiType[] _outputTypes;
    private readonly string[] _outputNames;

    public AbiFunction(string name, IReadOnlyList<AbiParameter> inputs, IReadOnlyList<AbiParameter> outputs, string stateMutability = "nonpayable")
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        Inputs = inputs.ToArray();
        Outputs = outputs.ToArray();
        StateMutability = stateMutability;
        Signature = AbiSignature.Of(name, Inputs);
        _selector = AbiSignature.Selector(Signature);
        _inputTypes = AbiParameter.TypesOf(Inputs);
        _inputNames = AbiParameter.NamesOf(Inputs);
        _outputTypes = AbiParameter.TypesOf(Outputs);
        _outputNames = AbiParameter.NamesOf(Outputs);
    }

    public string Name { get; }

    public IReadOnlyList<AbiParameter> Inputs { get; }

    public IReadOnlyList<AbiParameter> Outputs { get; }

    /// <summary>pure, view, nonpayable or payable.</summary>
    public string StateMutability { get; }

    public bool IsReadOnly => StateMutability is "view" or "pure";

    /// <summary>e.g. <c>transfer(address,uint256)</c>.</summary>
    public string Signature { get; }

    public ReadOnlySpan<byte> Selector => _selector;

    /// <summary>e.g. <c>0xa9059cbb</c>.</summary>
    public string SelectorHex => HexConvert.ToHex(_selector);

    /// <summary>A function without outputs from a signature such as <c>transfer(address,uint256)</c>.</summary>
    public static AbiFunction FromSignature(string signature)
    {
        var (name, parameters) = AbiSignature.Parse(signature);
        return new AbiFunction(name, parameters, []);
    }

    /// <summary>Selector followed by the encoded arguments: the calldata of a transaction or eth_call.</summary>
    public byte[] EncodeCall(params object?[] args) => AbiEncoder.EncodeWithPrefix(_selector, _inputTypes, _inputNames, args);

    public object?[] DecodeOutput(ReadOnlySpan<byte> returnData) => AbiDecoder.Decode(_outputTypes, _outputNames, returnData);

    /// <summary>Decodes calldata (selector included) back into the arguments; the selector must be this function's.</summary>
    public object?[] DecodeInput(ReadOnlySpan<byte> calldataWithSelector)
    {
        if (calldataWithSelector.Length < 4 || !calldataWithSelector[..4].SequenceEqual(_selector))
        {
            var found = HexConvert.ToHex(calldataWithSelector[..Math.Min(4, calldataWithSelector.Length)]);
            throw new AbiDecodingException($"calldata starts with {found}, not the selector {SelectorHex} of {Signature}");
        }
        return AbiDecoder.Decode(_inputTypes, _inputNames, calldataWithSelector[4..]);
    }

    public override string ToString() => Signature;
}
