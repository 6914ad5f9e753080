using ProtocolLab.Simulation.Scenarios;

namespace ProtocolLab.Simulation.Tests.Engine;

/// <summary>The pair is the shared world: its liquidity providers leave the same way whichever protocol runs on it.</summary>
public sealed class LiquidityProvidersProtocolsTests
{
    [Theory]
    [InlineData("AaveV3", "aave-step-no-impact.yaml", "fixed")]
    [InlineData("MorphoBlue", "morpho-step-no-impact.yaml", "lltv-86")]
    [InlineData("Options", "hedged-thin-pair.yaml", "fixed")]
    public async Task RunAsync_ProviderWatchingTheExternalPrice_LeavesInTheCrashBlock(string folder, string fixture, string design)
    {
        // Given a protocol's step-crash fixture and a provider of 80% of the pair who watches the external price
        var scenario = ScenarioLoader.Load(Path.Combine(AppContext.BaseDirectory, folder, "Scenarios", fixture));
        scenario = scenario with
        {
            Agents = scenario.Agents with { LiquidityProviders = [new LiquidityProviderSpec("lp", 0.8, 5, null, 5, Watches: WatchedPrice.Fundamental)] },
        };
        var crash = ((StepPathSpec)scenario.PricePath).AtBlock;

        // When it runs
        using var run = EngineRun.InTempFolder();
        var summary = (await run.RunAsync(scenario)).OnlyRunOf(design);

        // Then the pair's loan side keeps its depth until the crash block and falls below 30% of it in that block, when the provider sees the crash
        var reserves = run.Blocks(scenario, design).Select(b => b.GetProperty("pairLoanReserve").GetDouble()).ToList();
        Assert.Equal(crash, reserves.FindIndex(r => r < 0.3 * reserves[0]));
        Assert.All(reserves.Take(crash), r => Assert.True(r > 0.9 * reserves[0], $"reserve {r} before the crash"));
        Assert.Equal(1, summary.Measured["liquidityWithdrawals"]);
    }
}
