namespace ProtocolLab.Simulation.Scenarios;

/// <summary>
/// The gas market of the simulated blocks (the <c>gas:</c> section): a mainnet-like block gas limit,
/// an EIP-1559 base fee that anvil moves with demand (by at most 1/8 a block, up when a block uses
/// more than half its limit), and background demand from other users. Without the section the blocks
/// are the set-up's: a limit no block reaches and no base fee.
/// </summary>
public sealed record GasSpec(long BlockGasLimit, double BaseFeeGwei, IReadOnlyList<CongestionWindow> Background);

/// <summary>Blocks [From, To] in which other users bid <see cref="PriorityFeeGwei"/> for <see cref="GasPerBlock"/> of gas each block.</summary>
public sealed record CongestionWindow(int From, int To, long GasPerBlock, double PriorityFeeGwei)
{
    public bool Contains(int block) => block >= From && block <= To;
}
