namespace ProtocolLab.Simulation.Metrics;

/// <summary>
/// Cascade severity of one run of one design. Amounts in whole loan-asset units except
/// <see cref="CollateralSeized"/> (whole collateral units). See docs/results-schema.md.
/// </summary>
public sealed record RunSummary(
    int ShockBlock,
    int LiquidationCount,
    double CollateralSeized,
    double LiquidationVolume,
    int CascadeRounds,
    int CascadeDurationBlocks,
    int? FirstLiquidationBlock,
    int? LastLiquidationBlock,
    double PeakLiquidationVolumePerBlock,
    double BadDebt,
    double BadDebtPercentOfInitialDebt,
    double InsuranceDrawn,
    double LiquidatorPnl,
    double MaxFundamentalDrawdown,
    double MaxOracleDrawdown,
    double? AmplificationRatio,
    int FailedLiquidations,
    long GasUsed,
    double BadDebtCollateralShortfall = 0,
    double BadDebtBonusPaid = 0,
    double? MaxOracleGap = null,
    double PeakLiquidatableDebtPercent = 0)
{
    /// <summary>Metrics the run measured besides the block series (<see cref="MetricCatalog"/>'s non-core ones), by name; null where undefined.</summary>
    public IReadOnlyDictionary<string, double?> Measured { get; init; } = new Dictionary<string, double?>();
}

/// <summary>Run-level numbers the per-block series cannot give: known to the block loop.</summary>
/// <param name="InitialTotalDebt">Sum of all borrowers' debt after the positions were opened (whole loan units).</param>
/// <param name="LiquidatorPnl">Liquidators' final value minus initial capital, inventory marked at the final fundamental price.</param>
/// <param name="ShockBlock">The block the shock starts; null = <see cref="Drawdown.ShockBlock"/> of the series.</param>
public sealed record RunTotals(double InitialTotalDebt, double LiquidatorPnl, int? ShockBlock = null);
