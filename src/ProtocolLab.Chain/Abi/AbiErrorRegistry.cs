using System.Diagnostics.CodeAnalysis;

namespace ProtocolLab.Chain.Abi;

/// <summary>
/// Custom errors merged from several ABIs: a revert can bubble up from any contract along the call path,
/// so the caller's own ABI is often not the one that declares the error.
/// </summary>
public sealed class AbiErrorRegistry : IAbiErrorLookup
{
    private readonly Dictionary<uint, AbiError> _bySelector = [];

    public AbiErrorRegistry(params IEnumerable<ContractAbi> abis)
    {
        foreach (var abi in abis)
            Add(abi);
    }

    public int Count => _bySelector.Count;

    public AbiErrorRegistry Add(ContractAbi abi)
    {
        ArgumentNullException.ThrowIfNull(abi);
        foreach (var error in abi.Errors)
            Add(error);
        return this;
    }

    /// <summary>The first error registered for a selector wins; the same error declared in two ABIs is one entry.</summary>
    public AbiErrorRegistry Add(AbiError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        _bySelector.TryAdd(AbiSignature.Key(error.Selector), error);
        return this;
    }

    public bool TryGetError(ReadOnlySpan<byte> selector, [NotNullWhen(true)] out AbiError? error)
    {
        error = null;
        return selector.Length >= 4 && _bySelector.TryGetValue(AbiSignature.Key(selector), out error);
    }
}
