using ProtocolLab.Simulation.Metrics;

namespace ProtocolLab.Simulation.Tests.Metrics;

public class RunSummaryCalculatorTests
{
    [Fact]
    public void Summarize_HandMadeCrash_GivesHandComputedSummary()
    {
        // Given the hand-made crash, 10,000 of initial debt and 321.5 of liquidator PnL
        var totals = new RunTotals(10_000, 321.5);

        // When summarized
        var s = RunSummaryCalculator.Summarize(MetricSeries.Crash, totals);

        // Then every number is the one worked out on paper
        Assert.Equal(3, s.ShockBlock);
        Assert.Equal(9, s.LiquidationCount);                 // 1 + 2 + 5 + 1
        Assert.Equal(2.75, s.CollateralSeized, 12);          // 0.05 + 0.6 + 1.8 + 0.3
        Assert.Equal(4600, s.LiquidationVolume, 12);         // 100 + 1000 + 3000 + 500
        Assert.Equal(3, s.CascadeRounds);                    // blocks 3, 4, 6 (block 1 precedes the shock)
        Assert.Equal(4, s.CascadeDurationBlocks);            // 3..6
        Assert.Equal(3, s.FirstLiquidationBlock);
        Assert.Equal(6, s.LastLiquidationBlock);
        Assert.Equal(3000, s.PeakLiquidationVolumePerBlock);
        Assert.Equal(250, s.BadDebt, 12);
        Assert.Equal(2.5, s.BadDebtPercentOfInitialDebt, 12);
        Assert.Equal(150, s.InsuranceDrawn, 12);
        Assert.Equal(321.5, s.LiquidatorPnl);
        Assert.Equal(0.3, s.MaxFundamentalDrawdown, 12);
        Assert.Equal(0.4, s.MaxOracleDrawdown, 12);
        Assert.Equal(4.0 / 3.0, s.AmplificationRatio!.Value, 12);
        Assert.Equal(4, s.FailedLiquidations);
        Assert.Equal(1000, s.GasUsed);
    }

    [Fact]
    public void Summarize_ExplicitShockAtZero_CountsTheStrayLiquidationAsARound()
    {
        // Given the same series with the shock declared at block 0
        // When summarized
        var s = RunSummaryCalculator.Summarize(MetricSeries.Crash, new RunTotals(10_000, 0, ShockBlock: 0));

        // Then block 1 joins the cascade: 4 rounds over blocks 1..6
        Assert.Equal(4, s.CascadeRounds);
        Assert.Equal(6, s.CascadeDurationBlocks);
        Assert.Equal(1, s.FirstLiquidationBlock);
    }

    [Fact]
    public void Summarize_NoLiquidationsNoDebt_GivesZerosAndNoBlocks()
    {
        // Given a quiet run and no debt at all
        var quiet = Enumerable.Range(0, 5).Select(b => MetricSeries.Block(b)).ToList();

        // When summarized
        var s = RunSummaryCalculator.Summarize(quiet, new RunTotals(0, 0));

        // Then nothing happened, the bad-debt share is 0 rather than NaN and the ratio is 1
        Assert.Equal(0, s.CascadeRounds);
        Assert.Equal(0, s.CascadeDurationBlocks);
        Assert.Null(s.FirstLiquidationBlock);
        Assert.Equal(0, s.BadDebtPercentOfInitialDebt);
        Assert.Equal(1.0, s.AmplificationRatio);
    }

    [Fact]
    public void MaxGap_HandMadeCrash_IsTheWidestOracleMissAndSkipsBlocksWithoutAnAnswer()
    {
        // Given the crash (the oracle 80 against 70 at block 3, 60 against 70 at blocks 5-6) and a block without an answer
        var blocks = MetricSeries.Crash.Append(MetricSeries.Block(10, fundamental: 70, oracle: double.NaN)).ToList();

        // When the gap is computed
        var gap = RunSummaryCalculator.MaxGap(blocks);

        // Then it is 10 / 70, the NaN block ignored, and it reaches the summary
        Assert.Equal(10.0 / 70, gap!.Value, 12);
        Assert.Equal(10.0 / 70, RunSummaryCalculator.Summarize(MetricSeries.Crash, new RunTotals(10_000, 0)).MaxOracleGap!.Value, 12);
        Assert.Null(RunSummaryCalculator.MaxGap([]));
    }
}
