namespace ProtocolLab.Chain.Abi;

/// <summary>Stand-in for the parsed ABI; keeps the JSON the binding passed in.</summary>
public sealed class ContractAbi(string json)
{
    public string Json { get; } = json;
}

/// <summary>Stand-in for a decoded log: values in ABI parameter order, indexed ones included.</summary>
public sealed class DecodedEvent(string name, object?[] values)
{
    public string Name { get; } = name;

    public object?[] Values { get; } = values;
}
