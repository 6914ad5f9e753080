using ProtocolLab.Simulation.Metrics;

namespace ProtocolLab.Simulation.Tests.Results;

internal static class ResultsSamples
{
    public static BlockMetrics First { get; } = new(0, 1_700_000_000, 2000, 1999.5, 2000, 0, 0, 0, 0, 0, 0, 0, 21_000);

    public static BlockMetrics Second { get; } = new(1, 1_700_000_012, 1400, 1610.25, double.NaN, 3, 0.1, 1e21, 0, 0, 12, 1, 1_800_000)
    {
        BaseFeeGwei = 12.5,
        GasLimit = 30_000_000,
        DelayedTransactions = 2,
        LiquidatablePositions = 4,
        LiquidatableDebt = 2500.5,
        PairLoanReserve = 1_205_000.5,
    };
}
