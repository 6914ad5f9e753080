using System.Globalization;
using ProtocolLab.Simulation.Results;
using ProtocolLab.Simulation.Scenarios;

namespace ProtocolLab.Simulation.Tests.Engine;

/// <summary>
/// Liquidation modules on crash-dump.yaml's world (a 30% step at block 3, a dumping bot) with the
/// external price as the oracle, so the oracle's path is the same whatever the bots sell: a Dutch
/// auction house and a stability pool take the positions the market's own liquidation would.
/// </summary>
public sealed class LiquidationModuleTests
{
    private static Scenario World(LiquidationMechanismSpec liquidation, int blocks = 20)
    {
        var plain = EngineRun.Fixture("crash-dump.yaml");
        var design = plain.Protocol.Designs[0] with { Name = "module", Liquidation = liquidation };
        return plain with
        {
            Name = "crash-dump-" + liquidation.Kind,
            Blocks = blocks,
            Oracle = plain.Oracle with { Mode = OracleMode.Exogenous },
            Protocol = plain.Protocol with { Designs = [plain.Protocol.Designs[0], design] },
        };
    }

    private static double Number(string cell) => double.Parse(cell, CultureInfo.InvariantCulture);

    [Fact]
    public async Task RunAsync_DutchAuction_KicksEveryLiquidatablePositionAndClearsAtTheDecayedPrice()
    {
        // Given auctions starting 20% above the oracle, falling 1% every 12-second block, a 100 USDC + 0.1% kicker incentive
        var scenario = World(new DutchAuctionSpec(1.2, 0.05, true, 12, 0.99, 8_400, 0.4, 0.001, 100), blocks: 40);

        // When it runs next to the market's own liquidation
        using var run = EngineRun.InTempFolder();
        var results = await run.RunAsync(scenario);
        var own = results.OnlyRunOf("fixed");
        var auctions = results.OnlyRunOf("module");
        var rows = run.Csv(scenario, "module", AuctionsCsvWriter.FileName);

        // Then every position the crash made liquidatable went to auction, and the market liquidated none itself
        var kicks = rows.Where(r => r["event"] == "kick").ToList();
        Assert.NotEmpty(kicks);
        Assert.Equal(kicks.Count, auctions.LiquidationCount);
        Assert.Equal(kicks.Count, (int)auctions.Measured["auctionsStarted"]!.Value);
        Assert.All(kicks, k => Assert.True(int.Parse(k["block"], CultureInfo.InvariantCulture) >= 3));

        // And each take paid the start price x 0.99 per block since the kick, no more
        var takes = rows.Where(r => r["event"] == "take").ToList();
        Assert.NotEmpty(takes);
        foreach (var take in takes)
        {
            var kick = kicks.Single(k => k["auction"] == take["auction"]);
            var steps = int.Parse(take["block"], CultureInfo.InvariantCulture) - int.Parse(kick["block"], CultureInfo.InvariantCulture);
            var decayed = Number(kick["price"]) * Math.Pow(0.99, steps);
            Assert.InRange(Number(take["price"]), decayed * (1 - 1e-6), decayed * (1 + 1e-6));
            Assert.InRange(Number(take["loan"]), Number(take["collateral"]) * Number(take["price"]) * (1 - 1e-6), Number(take["collateral"]) * Number(take["price"]) * (1 + 1e-6));
        }

        // And takers bought only below the external price (the taker sells into a pair the arbitrageur holds there)
        Assert.True(auctions.Measured["auctionPriceToFundamental"] < 1);
        Assert.True(auctions.Measured["auctionCollateralSold"] > 0);
        Assert.True(own.LiquidationCount > 0);
    }

    [Fact]
    public async Task RunAsync_StabilityPoolThatCoversTheCrash_AbsorbsEveryPositionWithoutSellingIntoThePair()
    {
        // Given a pool whose deposits cover every debt, and a caller share of 0.5%
        var scenario = World(new StabilityPoolSpec(4_000_000, 0.005));

        // When it runs next to the market's own liquidation
        using var run = EngineRun.InTempFolder();
        var results = await run.RunAsync(scenario);
        var own = results.OnlyRunOf("fixed");
        var pool = results.OnlyRunOf("module");

        // Then the pool absorbed every liquidated position whole, repaying its debt: no bad debt
        Assert.True(pool.LiquidationCount > 0);
        Assert.Equal(pool.LiquidationCount, (int)pool.Measured["poolAbsorptions"]!.Value);
        Assert.Equal(0, pool.BadDebt);
        Assert.InRange(pool.LiquidationVolume, pool.Measured["poolAbsorbedDebt"]!.Value * (1 - 1e-9), pool.Measured["poolAbsorbedDebt"]!.Value * (1 + 1e-9));

        // And the only collateral the bots sold into the pair is the callers' 0.5%, where the market's own
        // liquidation sold all it seized
        var sold = pool.Measured["liquidatorSalesIntoPair"]!.Value;
        Assert.True(sold <= (0.005 * pool.Measured["poolAbsorbedCollateral"]!.Value) + 1e-9, $"sold {sold}");
        Assert.True(own.Measured["liquidatorSalesIntoPair"] > 10 * sold, $"own {own.Measured["liquidatorSalesIntoPair"]}, pool {sold}");
    }

    [Fact]
    public async Task RunAsync_StabilityPoolTooSmall_FallsBackToTheMarketsOwnLiquidation()
    {
        // Given a pool of 20,000 USDC: less than most positions' debt
        var scenario = World(new StabilityPoolSpec(20_000, 0.005));

        // When it runs
        using var run = EngineRun.InTempFolder();
        var pool = (await run.RunAsync(scenario)).OnlyRunOf("module");

        // Then the pool absorbed what it could and the market liquidated the rest
        Assert.True(pool.Measured["poolAbsorptions"] >= 1);
        Assert.True(pool.LiquidationCount > pool.Measured["poolAbsorptions"]);
        Assert.True(pool.Measured["poolDepositsUsedShare"] > 0.5);
    }

    [Fact]
    public async Task RunAsync_EnglishAuctionWithAValueBidder_SellsEveryLotNearThePairAndNoZeroBidWins()
    {
        // Given Flipper-style auctions with 24-second bids, a value bidder (the dumper) and a zero-bidder
        var scenario = WithZeroBidder(World(new EnglishAuctionSpec(0.03, 24, 600, 0.13), blocks: 30));

        // When it runs
        using var run = EngineRun.InTempFolder();
        var auctions = (await run.RunAsync(scenario)).OnlyRunOf("module");
        var rows = run.Csv(scenario, "module", AuctionsCsvWriter.FileName);

        // Then every position went to auction and every auction was dealt to the value bidder, which outbid
        // the 1-unit bids: none was won for next to nothing
        var kicks = rows.Count(r => r["event"] == "kick");
        var ends = rows.Where(r => r["event"] == "end").ToList();
        Assert.True(kicks > 0);
        Assert.Equal(kicks, auctions.LiquidationCount);
        Assert.Equal(kicks, ends.Count);
        Assert.All(ends, e => Assert.Equal("dumper", e["actor"]));
        Assert.Contains(rows, r => r["event"] == "tend" && r["actor"] == "zero-bidder");
        Assert.Equal(0, auctions.Measured["zeroBidWins"]);
        // (a lone bidder that dumps prices each lot at the thin pair it will sell into, after its own sales:
        // well below the external price, far above a zero bid)
        Assert.InRange(auctions.Measured["auctionPriceToFundamental"]!.Value, 0.2, 1.0);
        Assert.Equal(0, auctions.Measured["auctionsRunningAtEnd"]);
    }

    [Fact]
    public async Task RunAsync_EnglishAuctionWithOnlyAZeroBidder_EveryLotGoesForOneUnitAndTheDebtIsWrittenOff()
    {
        // Given the same auctions with the zero-bidder as the only bidder
        var world = WithZeroBidder(World(new EnglishAuctionSpec(0.03, 24, 600, 0.13), blocks: 30));
        var scenario = world with { Agents = world.Agents with { Liquidators = world.Agents.Liquidators.Where(l => l.Name == "zero-bidder").ToList() } };

        // When it runs
        using var run = EngineRun.InTempFolder();
        var auctions = (await run.RunAsync(scenario)).OnlyRunOf("module");

        // Then every auction it kicked was dealt at one base unit: a zero-bid win, and the debt became bad debt
        var started = auctions.Measured["auctionsStarted"]!.Value;
        Assert.True(started > 0);
        Assert.Equal(started, auctions.Measured["zeroBidWins"]);
        Assert.Equal(started, auctions.Measured["auctionsEndedWithBadDebt"]);
        Assert.True(auctions.Measured["auctionPriceToFundamental"] < 1e-6);
        Assert.True(auctions.BadDebt > 0);
    }

    [Fact]
    public async Task RunAsync_LossOrderLenders_NeverDrawsTheFundAndLendersBearTheSameBadDebt()
    {
        // Given the zero-bidder's English auctions (every lot written off) behind a 1M fund that pays first,
        // and the same design with lenders bearing losses alone (designs[].insurance.lossOrder: lenders)
        var world = WithZeroBidder(World(new EnglishAuctionSpec(0.03, 24, 600, 0.13), blocks: 30));
        var module = world.Protocol.Designs[1];
        var scenario = world with
        {
            Agents = world.Agents with { Liquidators = world.Agents.Liquidators.Where(l => l.Name == "zero-bidder").ToList() },
            Protocol = world.Protocol with
            {
                InsuranceFund = 1_000_000,
                Designs = [module with { Name = "fund-first" }, module with { Name = "lenders", Insurance = new InsuranceSpec(null, 0.5, FundFirst: false) }],
            },
        };

        // When both run
        using var run = EngineRun.InTempFolder();
        var results = await run.RunAsync(scenario);
        var fundFirst = results.OnlyRunOf("fund-first");
        var lenders = results.OnlyRunOf("lenders");

        // Then the fund covers the bad debt in one, and is never drawn in the other, for the same bad debt
        Assert.True(fundFirst.BadDebt > 0);
        Assert.Equal(fundFirst.BadDebt, fundFirst.InsuranceDrawn, 6);
        Assert.Equal(0, lenders.InsuranceDrawn);
        Assert.Equal(fundFirst.BadDebt, lenders.BadDebt, 6);
    }

    private static Scenario WithZeroBidder(Scenario scenario) => scenario with
    {
        Agents = scenario.Agents with
        {
            Liquidators =
            [
                .. scenario.Agents.Liquidators,
                new LiquidatorSpec("zero-bidder", 10_000, 0, new FixedGasBidSpec(5), 0, new DumpSellSpec(), AuctionBids: AuctionBidding.ZeroBid),
            ],
        },
    };
}

