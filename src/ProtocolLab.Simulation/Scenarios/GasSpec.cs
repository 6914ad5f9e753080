namespace ProtocolLab.Simulation.Scenarios;

/// <summary>
/// The gas market of the simulated blocks (the <c>gas:</c> section): a mainnet-like block gas limit,
/// an EIP-1559 base fee that anvil moves with demand (by at most 1/8 a block, up when a block uses
/// more than half its limit), and background demand from other users. Without the section the blocks
/// are the set-up's: a limit no block reaches and no base fee.
/// </summary>
public sealed record GasSpec(long BlockGasLimit, double BaseFeeGwei, IReadOnlyList<CongestionWindow> Background);

/// <summary>
/// Blocks [From, To] in which other users bid <see cref="PriorityFeeGwei"/> for <see cref="GasPerBlock"/>
/// of gas each block, in calls of at most <see cref="CallGas"/> (smaller calls fill a block more tightly:
/// the builder leaves out what does not fit).
/// </summary>
public sealed record CongestionWindow(int From, int To, long GasPerBlock, double PriorityFeeGwei, long CallGas = CongestionWindow.DefaultCallGas)
{
    /// <summary>The default gas limit of one background call.</summary>
    public const long DefaultCallGas = 5_000_000;

    public bool Contains(int block) => block >= From && block <= To;
}
