namespace ProtocolLab.Simulation.Tests.Engine;

/// <summary>
/// Fixed against dynamic margin on one seed: the same people, path and agents, and outcomes that
/// differ the way DynamicMargin's formulas say they should.
/// </summary>
public sealed class MarginDesignComparisonTests
{
    [Fact]
    public async Task RunAsync_FixedAndDynamicOnOneSeed_DynamicHaircutsLargePositionsAndLeavesLessBadDebt()
    {
        // Given one scenario with a fixed (threshold 0.80) and a dynamic design (threshold at most 0.80,
        // cut for volatility and for position size relative to the pair's collateral reserve)
        var scenario = EngineRun.Fixture("fixed-vs-dynamic.yaml");

        // When both run on the same seed
        using var run = EngineRun.InTempFolder();
        var results = await run.RunAsync(scenario);
        var fixedRun = results.OnlyRunOf("fixed");
        var dynamicRun = results.OnlyRunOf("dynamic");

        // Then both designs got the same borrowers with the same collateral
        var fixedStart = run.Positions(scenario, "fixed", "start");
        var dynamicStart = run.Positions(scenario, "dynamic", "start");
        Assert.Equal(fixedStart.Select(p => (p.Borrower, p.Collateral)), dynamicStart.Select(p => (p.Borrower, p.Collateral)));

        // And fixed gives every position 0.80, while dynamic's depth haircut, threshold cut by
        // sensitivity x size / (reserve + size), gives larger positions lower thresholds
        Assert.All(fixedStart, p => Assert.Equal(0.80, p.LiquidationThreshold));
        var bySize = dynamicStart.OrderBy(p => p.Collateral).ToList();
        Assert.All(bySize.Zip(bySize.Skip(1)), pair => Assert.True(pair.Second.LiquidationThreshold <= pair.First.LiquidationThreshold));
        Assert.True(bySize[^1].LiquidationThreshold < bySize[0].LiquidationThreshold - 0.01, $"{bySize[^1].LiquidationThreshold} vs {bySize[0].LiquidationThreshold}");

        // And since initial LTV = threshold - 0.05, large positions borrow less under dynamic
        Assert.True(dynamicStart.Sum(p => p.Debt) < fixedStart.Sum(p => p.Debt));

        // And the crash leaves less bad debt: the positions most likely to end insolvent, the large
        // ones that move the thin pair most when dumped, start with less debt per unit of collateral
        Assert.True(dynamicRun.BadDebt < fixedRun.BadDebt, $"bad debt dynamic {dynamicRun.BadDebt} vs fixed {fixedRun.BadDebt}");
        Assert.True(dynamicRun.BadDebtPercentOfInitialDebt < fixedRun.BadDebtPercentOfInitialDebt);
    }
}
