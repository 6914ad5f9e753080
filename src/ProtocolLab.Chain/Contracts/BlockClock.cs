namespace ProtocolLab.Chain.Contracts;

/// <summary>
/// Deterministic block timestamps: every block the harness mines gets the next tick, so interest,
/// oracle ages and TWAPs replay exactly whatever the wall clock did.
/// </summary>
public sealed class BlockClock(ulong start, ulong secondsPerBlock = 1)
{
    /// <summary>Where the clock started: the time a revert to the first snapshot goes back to.</summary>
    public ulong Start { get; } = start;

    /// <summary>The timestamp the last mined block received (start before any).</summary>
    public ulong Current { get; private set; } = start;

    public ulong SecondsPerBlock { get; set; } = secondsPerBlock;

    public ulong Next() => Current += SecondsPerBlock;

    /// <summary>After evm_revert: the chain's time goes back with its state.</summary>
    public void Reset(ulong timestamp) => Current = timestamp;
}
