namespace ProtocolLab.Simulation.Metrics;

/// <summary>The numeric metrics of a <see cref="RunSummary"/>, by name, in the fixed report order.</summary>
public static class SummaryMetrics
{
    public static IReadOnlyList<string> Names { get; } =
    [
        "liquidationCount",
        "collateralSeized",
        "liquidationVolume",
        "cascadeRounds",
        "cascadeDurationBlocks",
        "peakLiquidationVolumePerBlock",
        "badDebt",
        "badDebtPercentOfInitialDebt",
        "badDebtCollateralShortfall",
        "badDebtBonusPaid",
        "insuranceDrawn",
        "liquidatorPnl",
        "maxFundamentalDrawdown",
        "maxOracleDrawdown",
        "amplificationRatio",
        "maxOracleGap",
        "failedLiquidations",
        "gasUsed",
    ];

    /// <summary>The values in <see cref="Names"/> order; null where a metric is undefined for the run.</summary>
    public static IReadOnlyList<double?> Values(RunSummary s) =>
    [
        s.LiquidationCount,
        s.CollateralSeized,
        s.LiquidationVolume,
        s.CascadeRounds,
        s.CascadeDurationBlocks,
        s.PeakLiquidationVolumePerBlock,
        s.BadDebt,
        s.BadDebtPercentOfInitialDebt,
        s.BadDebtCollateralShortfall,
        s.BadDebtBonusPaid,
        s.InsuranceDrawn,
        s.LiquidatorPnl,
        s.MaxFundamentalDrawdown,
        s.MaxOracleDrawdown,
        s.AmplificationRatio,
        s.MaxOracleGap,
        s.FailedLiquidations,
        s.GasUsed,
    ];
}
