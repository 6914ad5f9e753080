using ProtocolLab.Simulation.Scenarios;

namespace ProtocolLab.Simulation.Tests.Engine;

/// <summary>
/// The feedback loop of the design: liquidators dump seized collateral into the pair the oracle
/// follows. The same crash, population and agents on a thin and on a very deep pair; the
/// arbitrageur can close any gap each block, so the pair's depth is the only thing that differs.
/// </summary>
public sealed class MarketDepthTests
{
    [Fact]
    public async Task RunAsync_ThinPairWithDumpingLiquidators_OracleFallsFurtherThanTheFundamental()
    {
        // Given a 30% crash on a 500k-per-side pair that the market oracle follows
        var scenario = WithDepth(EngineRun.Fixture("crash-dump.yaml"), 500_000);

        // When it runs
        using var run = EngineRun.InTempFolder();
        var summary = (await run.RunAsync(scenario)).OnlyRunOf("fixed");

        // Then each block's dump pushes the pair below the fundamental before the arbitrageur closes
        // the gap the next block; the oracle's TWAP averages those lows and falls further than 30%
        var crashPrice = scenario.Market.InitialPrice * (1 - Assert.IsType<StepPathSpec>(scenario.PricePath).Drop);
        var lowestPair = run.Blocks(scenario, "fixed").Min(b => b.GetProperty("pairPrice").GetDouble());
        Assert.True(lowestPair < crashPrice * 0.95, $"lowest pair price {lowestPair}");
        Assert.Equal(0.30, summary.MaxFundamentalDrawdown, tolerance: 1e-9);
        Assert.True(summary.AmplificationRatio > 1.05, $"amplification {summary.AmplificationRatio} on a thin pair");
    }

    [Fact]
    public async Task RunAsync_VeryDeepPairWithDumpingLiquidators_OracleFollowsTheFundamental()
    {
        // Given the same crash on a 100M-per-side pair (50,000 WETH of reserve)
        var scenario = WithDepth(EngineRun.Fixture("crash-dump.yaml"), 100_000_000);

        // When it runs
        using var run = EngineRun.InTempFolder();
        var summary = (await run.RunAsync(scenario)).OnlyRunOf("fixed");

        // Then the liquidators dump as much as on the thin pair, but the whole population's collateral
        // is a few hundred WETH: under 1% of the reserve, which moves the price by under 2% even sold at
        // once, and the oracle's TWAP of end-of-block prices falls with the fundamental and no further
        var seized = summary.CollateralSeized;
        Assert.True(seized > 0);
        Assert.True(seized / scenario.Market.PairReserves.Collateral < 0.01, $"{seized} WETH seized");
        Assert.Equal(0.30, summary.MaxFundamentalDrawdown, tolerance: 1e-9);
        Assert.InRange(summary.AmplificationRatio ?? double.NaN, 0.98, 1.02);
    }

    private static Scenario WithDepth(Scenario scenario, double depth) => scenario with
    {
        Market = scenario.Market with { PairReserves = new PairReserves(depth / scenario.Market.InitialPrice, depth) },
    };
}
