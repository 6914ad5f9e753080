using System.Numerics;

namespace ProtocolLab.Chain.Contracts;

/// <summary>Per-transaction overrides. Unset gas means "estimate" for a single send.</summary>
public sealed record TxOptions
{
    public ulong? Gas { get; init; }

    public BigInteger? Value { get; init; }

    public BigInteger? MaxFeePerGas { get; init; }

    public BigInteger? MaxPriorityFeePerGas { get; init; }
}
