using System.Globalization;
using ProtocolLab.Simulation.Results;
using ProtocolLab.Simulation.Scenarios;

namespace ProtocolLab.Simulation.Tests.Engine;

/// <summary>
/// The shipped Black Thursday replication (scenarios/black-thursday-auctions.yaml), shortened to its first
/// leg: the OSM's first updates after the fall start, blocks 200-245 full of other users' calls at 200 gwei,
/// value keepers bidding 50 and 100 gwei, a zero-bidder at 300. Flipper's English auctions and Clipper's
/// Dutch auctions on the same world.
/// </summary>
public sealed class BlackThursdayTests
{
    private static Scenario FirstLeg()
    {
        var shipped = ScenarioLoader.Load(Path.Combine(RepoPaths.Scenarios, "black-thursday-auctions.yaml"));
        return shipped with
        {
            Runs = 1,
            Blocks = 260,
            Protocol = shipped.Protocol with { Designs = shipped.Protocol.Designs.Where(d => d.Name is "flipper" or "clipper").ToList() },
        };
    }

    [Fact]
    public async Task RunAsync_FirstLegUnderCongestion_ZeroBidsWinEnglishAuctionsAndNoDutchAuction()
    {
        // Given the replication's first leg
        var scenario = FirstLeg();

        // When it runs under both auction houses
        using var run = EngineRun.InTempFolder();
        var results = await run.RunAsync(scenario);
        var flipper = results.OnlyRunOf("flipper");
        var clipper = results.OnlyRunOf("clipper");

        // Then the English auctions the congestion kept the value keepers out of went to the zero-bidder for
        // one base unit, leaving their debt written off
        Assert.True(flipper.Measured["auctionsStarted"] > 0);
        Assert.True(flipper.Measured["zeroBidWins"] > 0);
        Assert.True(flipper.BadDebt > 0);
        var rows = run.Csv(scenario, "flipper", AuctionsCsvWriter.FileName);
        var zeroWins = rows.Where(r => r["event"] == "end" && r["actor"] == "zero-bidder").ToList();
        Assert.Equal(flipper.Measured["zeroBidWins"], zeroWins.Count);
        Assert.All(zeroWins, r => Assert.True(double.Parse(r["loan"], CultureInfo.InvariantCulture) > 0, "a zero-bid win leaves bad debt"));

        // And the same positions under Dutch auctions sold to the value keepers near the market: no sale for
        // next to nothing (a Dutch price falls from 30% above the oracle and resets before 40% of its start)
        Assert.Equal(flipper.Measured["auctionsStarted"], clipper.Measured["auctionsStarted"]);
        Assert.True(clipper.Measured["auctionTakes"] > 0);
        Assert.Equal(0, clipper.Measured["zeroBidWins"]);
        Assert.True(clipper.BadDebt < flipper.BadDebt);
    }
}
