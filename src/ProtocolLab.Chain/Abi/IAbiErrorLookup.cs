using System.Diagnostics.CodeAnalysis;

namespace ProtocolLab.Chain.Abi;

/// <summary>Finds a custom error by its 4-byte selector: one <see cref="ContractAbi"/> or an <see cref="AbiErrorRegistry"/>.</summary>
public interface IAbiErrorLookup
{
    bool TryGetError(ReadOnlySpan<byte> selector, [NotNullWhen(true)] out AbiError? error);
}
