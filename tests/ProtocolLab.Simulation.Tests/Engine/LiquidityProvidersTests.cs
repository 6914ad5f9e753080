using System.Globalization;
using ProtocolLab.Simulation.Scenarios;

namespace ProtocolLab.Simulation.Tests.Engine;

/// <summary>
/// Liquidity that leaves as volatility rises (agents.liquidityProviders), on the crash, population and
/// dumping liquidator of crash-dump.yaml (crash at block 3): the provider's removeLiquidity goes through
/// the real Uniswap V2 router, so the pair the liquidator dumps into is thinner after the crash than the
/// same world without it, and the same dumps move the pair's price, and the oracle that follows it, further.
/// </summary>
public sealed class LiquidityProvidersTests
{
    private const int CrashBlock = 3;

    [Fact]
    public async Task RunAsync_ProviderLeavesOnTheCrash_PairThinsAfterItAndDumpsMoveThePriceFurther()
    {
        // Given the crash with and without a provider of 80% of the pair's liquidity that leaves above 500% volatility and never returns
        var still = EngineRun.Fixture("crash-dump.yaml");
        var flight = WithProviders(still, new LiquidityProviderSpec("lp", 0.8, 5, null, 5));

        // When both run
        using var stillRun = EngineRun.InTempFolder();
        var stillSummary = (await stillRun.RunAsync(still)).OnlyRunOf("fixed");
        using var flightRun = EngineRun.InTempFolder();
        var flightSummary = (await flightRun.RunAsync(flight)).OnlyRunOf("fixed");

        // Then the pair keeps its depth until the crash, and loses most of its loan side in the block after it (the provider reads the crash at the block's end)
        var reserves = LoanReserves(flightRun, flight);
        Assert.All(reserves.Take(CrashBlock), r => Assert.Equal(reserves[0], r));
        Assert.Equal(CrashBlock + 1, reserves.FindIndex(r => r < 0.3 * reserves[0]));
        Assert.InRange(flightSummary.Measured["minPairDepthShare"] ?? double.NaN, 0, 0.25);
        Assert.Equal(1, flightSummary.Measured["liquidityWithdrawals"]);

        // And without the provider the pair's loan side never fell that far, and no liquidity metric is measured
        Assert.True(LoanReserves(stillRun, still).Min() > 0.7 * reserves[0]);
        Assert.False(stillSummary.Measured.ContainsKey("minPairDepthShare"));

        // And the liquidations, landing in the thinner pair, pushed its price and the pair-following oracle further below the fundamental
        var stillLow = PairPrices(stillRun, still).Min();
        var flightLow = PairPrices(flightRun, flight).Min();
        Assert.True(flightSummary.CollateralSeized > 0, "the dumper seized collateral");
        Assert.True(flightLow < 0.95 * stillLow, $"lowest pair price {flightLow} with the provider leaving, {stillLow} without");
        Assert.True(flightSummary.MaxOracleDrawdown > stillSummary.MaxOracleDrawdown, $"oracle drawdown {flightSummary.MaxOracleDrawdown} against {stillSummary.MaxOracleDrawdown}");
    }

    [Fact]
    public async Task RunAsync_ProviderReturnsWhenCalm_AddsItsTokensBack()
    {
        // Given a provider that leaves above 500% and comes back below 100%, over a 5-block window of the external price seen one block late
        var scenario = WithProviders(EngineRun.Fixture("crash-dump.yaml"), new LiquidityProviderSpec("lp", 0.8, 5, 1, 5, LatencyBlocks: 1, Watches: WatchedPrice.Fundamental));

        // When it runs
        using var run = EngineRun.InTempFolder();
        await run.RunAsync(scenario);

        // Then it leaves a block later than a provider without latency would (the crash shows in the block it happens)
        // and, once the crash has left its window, the pair's loan side is back near its post-crash depth
        var reserves = LoanReserves(run, scenario);
        var left = reserves.FindIndex(r => r < 0.3 * reserves[0]);
        Assert.Equal(CrashBlock + 1, left);
        var back = reserves.FindIndex(left, r => r > 0.7 * reserves[0]);
        Assert.Equal(CrashBlock + 1 + 5, back);

        // And the trade ledger has both moves under the provider's name, in those blocks: what it took
        // out of the loan side is what the reserve lost in that block, net of that block's swaps
        var moves = run.Trades(scenario, "fixed").Where(t => t["role"] == "liquidity").ToList();
        Assert.Equal([("lp", "remove", left), ("lp", "add", back)], moves.Select(t => (t["actor"], t["side"], int.Parse(t["block"], CultureInfo.InvariantCulture))));
        var swaps = run.Trades(scenario, "fixed").Where(t => t["role"] != "liquidity" && int.Parse(t["block"], CultureInfo.InvariantCulture) == left)
            .Sum(t => (t["side"] == "sell" ? 1 : -1) * double.Parse(t["loan"], CultureInfo.InvariantCulture));
        var removed = double.Parse(moves[0]["loan"], CultureInfo.InvariantCulture);
        Assert.Equal(reserves[left - 1] - reserves[left], removed + swaps, tolerance: 1e-6 * reserves[0]);
    }

    [Fact]
    public async Task RunAsync_ProvidersTwice_WritesByteIdenticalFiles()
    {
        // Given the crash with a provider that leaves and comes back
        var scenario = WithProviders(EngineRun.Fixture("crash-dump.yaml"), new LiquidityProviderSpec("lp", 0.8, 5, 1, 5));

        // When it runs twice on fresh devnets
        using var first = EngineRun.InTempFolder();
        using var second = EngineRun.InTempFolder();
        await first.RunAsync(scenario);
        await second.RunAsync(scenario);

        // Then the block files are the same to the byte
        foreach (var file in new[] { "blocks.jsonl", "blocks.csv" })
            Assert.Equal(File.ReadAllBytes(Path.Combine(first.RunFolder(scenario, "fixed"), file)), File.ReadAllBytes(Path.Combine(second.RunFolder(scenario, "fixed"), file)));
    }

    private static List<double> LoanReserves(EngineRun run, Scenario scenario) =>
        run.Blocks(scenario, "fixed").Select(b => b.GetProperty("pairLoanReserve").GetDouble()).ToList();

    private static List<double> PairPrices(EngineRun run, Scenario scenario) =>
        run.Blocks(scenario, "fixed").Select(b => b.GetProperty("pairPrice").GetDouble()).ToList();

    private static Scenario WithProviders(Scenario scenario, params LiquidityProviderSpec[] providers) => scenario with
    {
        Agents = scenario.Agents with { LiquidityProviders = providers },
    };
}
