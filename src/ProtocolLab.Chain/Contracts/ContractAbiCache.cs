using System.Collections.Concurrent;
using ProtocolLab.Chain.Abi;

namespace ProtocolLab.Chain.Contracts;

/// <summary>Generated bindings embed their ABI as text; each is parsed once per process.</summary>
public static class ContractAbiCache
{
    private static readonly ConcurrentDictionary<string, ContractAbi> Cache = new(StringComparer.Ordinal);

    public static ContractAbi Get(string key, string abiJson) => Cache.GetOrAdd(key, _ => ContractAbi.Parse(abiJson));
}
