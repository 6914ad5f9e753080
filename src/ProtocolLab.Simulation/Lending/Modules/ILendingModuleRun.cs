using ProtocolLab.Chain.Contracts;
using ProtocolLab.Chain.Hex;
using ProtocolLab.Chain.Rpc;
using ProtocolLab.Simulation.Engine;

namespace ProtocolLab.Simulation.Lending.Modules;

/// <summary>
/// A liquidation module of ProtocolLab's market across one run: what it reads in the block's batch,
/// the bots' calls to it (<see cref="ILiquidationRoute"/>), its events of a mined block, and its run metrics.
/// </summary>
internal interface ILendingModuleRun : ILiquidationRoute, IDisposable
{
    /// <summary>Calls for this block's read, after the market's.</summary>
    IReadOnlyList<TransactionRequest> StateCalls();

    /// <summary>The outputs of <see cref="StateCalls"/>, in order.</summary>
    void Observe(IReadOnlyList<byte[]> outputs);

    /// <summary>
    /// The module's events in a mined block: the bots whose module calls landed (<paramref name="succeeded"/>,
    /// by bot index, one per landed call) and those who received collateral (<paramref name="acquired"/>).
    /// </summary>
    void Account(int block, double fundamental, MinedBlock mined, IReadOnlyDictionary<Address, int> bots, int[] succeeded, ISet<int> acquired);

    /// <summary>The module's run metrics (MetricCatalog).</summary>
    IReadOnlyList<(string Metric, double? Value)> Metrics();
}
