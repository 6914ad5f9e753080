using ProtocolLab.Simulation.Scenarios;

namespace ProtocolLab.Simulation.Tests.Engine;

/// <summary>
/// Where an arbitrageur stands in the fee-ordered block decides what the oracle sees. The crash,
/// population and dumping liquidator of crash-dump.yaml on a thin pair: an arbitrageur that trades
/// ahead of the dumps leaves every block's dump in the pair's closing price; one that back-runs them
/// (sized on chain against the reserves the dumps left) closes the gap inside the same block.
/// </summary>
public sealed class CompetingArbitrageTests
{
    [Fact]
    public async Task RunAsync_UnlimitedBackRunningArbitrage_AmplificationIsOne()
    {
        // Given the thin-pair crash with one arbitrageur of effectively unlimited capital that back-runs the block
        var scenario = WithArbitrageurs(EngineRun.Fixture("crash-dump.yaml"), new CompetingArbitrageurSpec("backrunner", 100_000_000, null, 0, 2, true, 0));

        // When it runs
        using var run = EngineRun.InTempFolder();
        var summary = (await run.RunAsync(scenario)).OnlyRunOf("fixed");

        // Then the liquidator still dumps what it seizes, but every block closes within the pair's fee
        // band of the fundamental, so the pair-following oracle falls by the crash and no more
        Assert.True(summary.CollateralSeized > 0, "the dumper seized collateral");
        Assert.Equal(0.30, summary.MaxFundamentalDrawdown, tolerance: 1e-9);
        Assert.InRange(summary.AmplificationRatio ?? double.NaN, 0.98, 1.02);
        var crashPrice = scenario.Market.InitialPrice * 0.7;
        foreach (var block in run.Blocks(scenario, "fixed").Skip(4))
            Assert.InRange(block.GetProperty("pairPrice").GetDouble(), crashPrice * 0.996, crashPrice * 1.004);
    }

    [Fact]
    public async Task RunAsync_SameArbitrageurAheadOfTheDumps_OracleFallsFurther()
    {
        // Given the same arbitrageur bidding above the liquidator, so it trades before the dumps
        var scenario = WithArbitrageurs(EngineRun.Fixture("crash-dump.yaml"), new CompetingArbitrageurSpec("front", 100_000_000, null, 0, 2, false, 0));

        // When it runs
        using var run = EngineRun.InTempFolder();
        var summary = (await run.RunAsync(scenario)).OnlyRunOf("fixed");

        // Then each block's dump stays in the pair's closing price until the next block, and the TWAP falls further than 30%
        Assert.True(summary.AmplificationRatio > 1.05, $"amplification {summary.AmplificationRatio}");
    }

    [Fact]
    public async Task RunAsync_ArbitrageurWithLatency_LetsTheCrashReachThePairLate()
    {
        // Given a lone back-runner that sees the external price three blocks late
        var scenario = WithArbitrageurs(EngineRun.Fixture("crash-dump.yaml"), new CompetingArbitrageurSpec("slow", 100_000_000, null, 3, 2, true, 0));

        // When it runs
        using var run = EngineRun.InTempFolder();
        await run.RunAsync(scenario);

        // Then the pair holds the pre-crash price for the three blocks after the crash (block 3) and follows from block 6
        var pair = run.Blocks(scenario, "fixed").Select(b => b.GetProperty("pairPrice").GetDouble()).ToList();
        Assert.InRange(pair[5], 1_990, 2_010);
        Assert.InRange(pair[6], 1_390, 1_410);
    }

    private static Scenario WithArbitrageurs(Scenario scenario, params CompetingArbitrageurSpec[] arbitrageurs) => scenario with
    {
        Agents = scenario.Agents with { Arbitrageur = new ArbitrageurSpec(false, 0), Arbitrageurs = arbitrageurs },
    };
}
