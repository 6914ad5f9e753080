using ProtocolLab.Simulation.Results;
using ProtocolLab.Simulation.Scenarios;

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

    [Fact]
    public async Task RunAsync_FixedAndDynamic_MarginStateFollowsEachModelsRules()
    {
        // Given the same two designs and crash
        var scenario = EngineRun.Fixture("fixed-vs-dynamic.yaml");
        var shock = Assert.IsType<StepPathSpec>(scenario.PricePath).AtBlock;

        // When both run
        using var run = EngineRun.InTempFolder();
        await run.RunAsync(scenario);
        var fixedState = run.Csv(scenario, "fixed", MarginStateCsvWriter.FileName);
        var dynamicState = run.Csv(scenario, "dynamic", MarginStateCsvWriter.FileName);

        // Then fixed holds its parameters every block and has no estimates
        Assert.Equal(scenario.Blocks + 1, fixedState.Count);
        Assert.All(fixedState, r => Assert.Equal(("0.8", "0.05", "0.5", "", ""), (r["threshold"], r["bonus"], r["closeFactor"], r["volatility"], r["targetThreshold"])));

        // And dynamic sees no volatility before the crash, then raises it, walks its threshold down toward
        // the target by at most maxThresholdChangePerBlock a block within [min, max], and raises the bonus
        var volatility = dynamicState.Select(r => Number(r["volatility"])).ToList();
        var threshold = dynamicState.Select(r => Number(r["threshold"])).ToList();
        Assert.All(volatility.Take(shock), v => Assert.Equal(0, v));
        Assert.True(volatility[^1] > 0.01, $"volatility {volatility[^1]}");
        Assert.All(threshold.Zip(threshold.Skip(1)), p => Assert.True(Math.Abs(p.Second - p.First) <= 0.005 + 1e-12, $"{p.First} -> {p.Second}"));
        Assert.All(threshold, t => Assert.InRange(t, 0.65, 0.80));
        Assert.True(threshold[^1] < 0.80 - 0.01, $"threshold {threshold[^1]}");
        Assert.True(Number(dynamicState[^1]["bonus"]) > 0.05);
        Assert.All(dynamicState, r => Assert.True(Number(r["threshold"]) >= Number(r["targetThreshold"]) - 1e-12));

        // And in both, what lenders lost beyond the fund grows each block by the bad debt the fund did not pay
        foreach (var design in new[] { "fixed", "dynamic" })
        {
            var state = run.Csv(scenario, design, MarginStateCsvWriter.FileName);
            var blocks = run.Blocks(scenario, design);
            for (var b = 1; b < blocks.Count; b++)
            {
                var uncovered = blocks[b].GetProperty("badDebt").GetDouble() - blocks[b].GetProperty("insuranceDrawn").GetDouble();
                Assert.Equal(uncovered, Number(state[b]["socializedLoss"]) - Number(state[b - 1]["socializedLoss"]), tolerance: 1e-5);
            }
        }
    }

    private static double Number(string text) => double.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
