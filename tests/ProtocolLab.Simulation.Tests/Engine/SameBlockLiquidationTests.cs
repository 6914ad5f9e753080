using ProtocolLab.Simulation.Scenarios;

namespace ProtocolLab.Simulation.Tests.Engine;

/// <summary>
/// Liquidators that watch the pending pool back-run the keeper's oracle update in its own block;
/// the others act on the state the block starts from, so they land a block later at the earliest.
/// </summary>
public sealed class SameBlockLiquidationTests
{
    [Fact]
    public async Task RunAsync_PoolWatchingBot_LiquidatesInTheOracleUpdatesBlock()
    {
        // Given crash-dump.yaml with its one bot watching the pending pool, on a pushed oracle of the external price
        var scenario = Watching(EngineRun.Fixture("crash-dump.yaml"), true);

        // When it runs
        using var run = EngineRun.InTempFolder();
        var summary = (await run.RunAsync(scenario)).OnlyRunOf("fixed");

        // Then some liquidations land in the block of the update that made the position liquidatable,
        // the first of them in the crash block itself, and none failed for landing before the update
        Assert.True(summary.LiquidationCount > 0);
        Assert.True(summary.Measured["sameBlockLiquidationShare"] > 0, $"share {summary.Measured["sameBlockLiquidationShare"]}");
        Assert.Equal(3, summary.FirstLiquidationBlock);
        Assert.Equal(0, summary.FailedLiquidations);
    }

    [Fact]
    public async Task RunAsync_BotWithoutPoolWatch_LandsOneBlockAfterTheUpdate()
    {
        // Given the same world with a bot that acts only on the state a block starts from
        var scenario = Watching(EngineRun.Fixture("crash-dump.yaml"), false);

        // When it runs
        using var run = EngineRun.InTempFolder();
        var summary = (await run.RunAsync(scenario)).OnlyRunOf("fixed");

        // Then no liquidation shares the update's block, and the first comes the block after the crash
        Assert.True(summary.LiquidationCount > 0);
        Assert.Equal(0, summary.Measured["sameBlockLiquidationShare"]);
        Assert.True(summary.Measured["meanLiquidationLagBlocks"] >= 1);
        Assert.Equal(4, summary.FirstLiquidationBlock);
    }

    /// <summary>The exogenous oracle pushes the external price in the crash block, which makes the update's block unambiguous.</summary>
    private static Scenario Watching(Scenario scenario, bool watches) => scenario with
    {
        Oracle = scenario.Oracle with { Mode = OracleMode.Exogenous },
        Agents = scenario.Agents with { Liquidators = [.. scenario.Agents.Liquidators.Select(l => l with { WatchesMempool = watches })] },
    };
}
