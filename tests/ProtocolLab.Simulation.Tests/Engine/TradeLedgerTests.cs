using System.Globalization;

namespace ProtocolLab.Simulation.Tests.Engine;

/// <summary>
/// trades.csv on crash-dump.yaml: a liquidator that dumps what it seized and an arbitrageur that
/// closes the gap to the external price each block. Every swap on the pair is in the ledger, under
/// the agent that sent it.
/// </summary>
public sealed class TradeLedgerTests
{
    [Fact]
    public async Task RunAsync_CrashWithADumpingLiquidator_LedgerAttributesEverySwapAndMatchesWhatWasSeized()
    {
        // Given a 30% crash into a thin pair the market oracle follows
        var scenario = EngineRun.Fixture("crash-dump.yaml");

        // When it runs
        using var run = EngineRun.InTempFolder();
        var summary = (await run.RunAsync(scenario)).OnlyRunOf("fixed");

        // Then every swap names its agent and role: the scenario has no other trader
        var trades = run.Trades(scenario, "fixed");
        Assert.NotEmpty(trades);
        Assert.All(trades, t => Assert.Contains(t["role"], new[] { "arbitrage", "liquidation" }));
        Assert.All(trades.Where(t => t["role"] == "liquidation"), t => Assert.Equal(("dumper", "sell"), (t["actor"], t["side"])));
        Assert.All(trades.Where(t => t["role"] == "arbitrage"), t => Assert.Equal("arbitrageur", t["actor"]));

        // And the dumper sold, block after block, exactly the collateral it seized in the blocks before
        var blocks = run.Blocks(scenario, "fixed");
        var seizedBeforeLast = blocks.Take(blocks.Count - 1).Sum(b => b.GetProperty("collateralSeized").GetDouble());
        Assert.True(seizedBeforeLast > 0);
        Assert.Equal(seizedBeforeLast, trades.Where(t => t["role"] == "liquidation").Sum(t => Number(t["collateral"])), tolerance: seizedBeforeLast * 1e-9);
        Assert.Equal(summary.CollateralSeized, blocks.Sum(b => b.GetProperty("collateralSeized").GetDouble()), tolerance: 1e-9);

        // And each block a sale pushed the pair below the external price, the arbitrageur bought back
        // in the next, at a price between the pair's after the sale and the external price
        var gaps = trades.Where(t => t["role"] == "liquidation").Select(t => Block(t)).Distinct()
            .Where(b => b + 1 < blocks.Count && blocks[b].GetProperty("pairPrice").GetDouble() < blocks[b + 1].GetProperty("fundamentalPrice").GetDouble() * 0.99)
            .ToList();
        Assert.NotEmpty(gaps);
        Assert.All(gaps, b =>
        {
            var buy = Assert.Single(trades, t => t["role"] == "arbitrage" && Block(t) == b + 1);
            Assert.Equal("buy", buy["side"]);
            Assert.InRange(Number(buy["price"]), blocks[b].GetProperty("pairPrice").GetDouble(), blocks[b + 1].GetProperty("fundamentalPrice").GetDouble());
        });
    }

    private static int Block(IReadOnlyDictionary<string, string> trade) => int.Parse(trade["block"], CultureInfo.InvariantCulture);

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);
}
