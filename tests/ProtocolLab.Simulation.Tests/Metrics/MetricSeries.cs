using ProtocolLab.Simulation.Metrics;

namespace ProtocolLab.Simulation.Tests.Metrics;

/// <summary>A hand-made ten-block crash whose summary was worked out on paper (see each test).</summary>
internal static class MetricSeries
{
    public static BlockMetrics Block(
        int block,
        double fundamental = 100,
        double oracle = 100,
        int liquidations = 0,
        double seized = 0,
        double repaid = 0,
        double badDebt = 0,
        double insurance = 0,
        int failed = 0) =>
        new(block, 1_700_000_000 + (12L * block), fundamental, oracle, oracle, liquidations, seized, repaid, badDebt, insurance, 0, failed, 100);

    /// <summary>
    /// Fundamental 100 then 70 from block 3 (drawdown 0.3); oracle falls to 60 (drawdown 0.4).
    /// Liquidations: 1 stray at block 1 before the shock, then 2, 5 and 1 at blocks 3, 4 and 6.
    /// </summary>
    public static IReadOnlyList<BlockMetrics> Crash { get; } =
    [
        Block(0),
        Block(1, liquidations: 1, seized: 0.05, repaid: 100),
        Block(2),
        Block(3, fundamental: 70, oracle: 80, liquidations: 2, seized: 0.6, repaid: 1000),
        Block(4, fundamental: 70, oracle: 65, liquidations: 5, seized: 1.8, repaid: 3000, badDebt: 200, insurance: 150, failed: 3),
        Block(5, fundamental: 70, oracle: 60),
        Block(6, fundamental: 70, oracle: 60, liquidations: 1, seized: 0.3, repaid: 500, badDebt: 50, failed: 1),
        Block(7, fundamental: 70, oracle: 62),
        Block(8, fundamental: 70, oracle: 63),
        Block(9, fundamental: 70, oracle: 63),
    ];
}
