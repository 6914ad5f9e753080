namespace ProtocolLab.Simulation.Metrics;

/// <summary>
/// Computes a <see cref="RunSummary"/> from the per-block series.
/// Cascade rounds = blocks at or after the shock block with at least one liquidation;
/// duration = last - first such block + 1 (0 when there is none). Counts and volumes cover the
/// whole run. Bad debt % = total bad debt / initial total debt x 100 (0 when there was no debt).
/// </summary>
public static class RunSummaryCalculator
{
    /// <summary>
    /// The largest |oracle - fundamental| / fundamental over the blocks where both are known: how far
    /// the price the market acted on strayed from the true price. Null when no block had both.
    /// </summary>
    public static double? MaxGap(IReadOnlyList<BlockMetrics> blocks)
    {
        var gaps = blocks
            .Where(b => double.IsFinite(b.OraclePrice) && b.OraclePrice > 0 && b.FundamentalPrice > 0)
            .Select(b => Math.Abs(b.OraclePrice - b.FundamentalPrice) / b.FundamentalPrice)
            .ToList();
        return gaps.Count > 0 ? gaps.Max() : null;
    }

    public static RunSummary Summarize(IReadOnlyList<BlockMetrics> blocks, RunTotals totals)
    {
        var shock = totals.ShockBlock ?? Drawdown.ShockBlock(blocks);
        var cascade = blocks.Where(b => b.Block >= shock && b.Liquidations > 0).Select(b => b.Block).ToList();
        int? first = cascade.Count > 0 ? cascade.Min() : null;
        int? last = cascade.Count > 0 ? cascade.Max() : null;
        var badDebt = blocks.Sum(b => b.BadDebt);
        var shortfall = blocks.Sum(b => b.BadDebtCollateralShortfall);
        var fundamentalDrawdown = Drawdown.Max(blocks.Select(b => b.FundamentalPrice));
        var oracleDrawdown = Drawdown.Max(blocks.Select(b => b.OraclePrice));

        return new RunSummary(
            ShockBlock: shock,
            LiquidationCount: blocks.Sum(b => b.Liquidations),
            CollateralSeized: blocks.Sum(b => b.CollateralSeized),
            LiquidationVolume: blocks.Sum(b => b.DebtRepaid),
            CascadeRounds: cascade.Count,
            CascadeDurationBlocks: first is { } f && last is { } l ? l - f + 1 : 0,
            FirstLiquidationBlock: first,
            LastLiquidationBlock: last,
            PeakLiquidationVolumePerBlock: blocks.Count > 0 ? blocks.Max(b => b.DebtRepaid) : 0,
            BadDebt: badDebt,
            BadDebtPercentOfInitialDebt: totals.InitialTotalDebt > 0 ? badDebt / totals.InitialTotalDebt * 100 : 0,
            InsuranceDrawn: blocks.Sum(b => b.InsuranceDrawn),
            LiquidatorPnl: totals.LiquidatorPnl,
            MaxFundamentalDrawdown: fundamentalDrawdown,
            MaxOracleDrawdown: oracleDrawdown,
            AmplificationRatio: Drawdown.AmplificationRatio(oracleDrawdown, fundamentalDrawdown),
            FailedLiquidations: blocks.Sum(b => b.FailedLiquidations),
            GasUsed: blocks.Sum(b => b.GasUsed),
            BadDebtCollateralShortfall: shortfall,
            BadDebtBonusPaid: Math.Max(0, badDebt - shortfall),
            MaxOracleGap: MaxGap(blocks),
            PeakLiquidatableDebtPercent: totals.InitialTotalDebt > 0 && blocks.Count > 0 ? blocks.Max(b => b.LiquidatableDebt) / totals.InitialTotalDebt * 100 : 0);
    }
}
