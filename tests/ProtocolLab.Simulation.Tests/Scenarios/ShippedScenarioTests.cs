using ProtocolLab.Simulation.Agents;
using ProtocolLab.Simulation.Agents.Borrowers;
using ProtocolLab.Simulation.Randomness;
using ProtocolLab.Simulation.Scenarios;

namespace ProtocolLab.Simulation.Tests.Scenarios;

/// <summary>The shipped crash scenarios are built to show a cascade: checked here without a chain.</summary>
public class ShippedScenarioTests
{
    [Fact]
    public void EveryShippedScenario_Loads()
    {
        // Given every scenario file shipped in scenarios/ (budgets.yaml is check's budget file, not a scenario)
        var files = Directory.EnumerateFiles(RepoPaths.Scenarios, "*.yaml").Where(f => Path.GetFileName(f) != "budgets.yaml").Order().ToList();
        Assert.Contains(files, f => f.EndsWith("crash-30-market.yaml", StringComparison.Ordinal));

        // When each is loaded, then it is valid and named after its file
        foreach (var file in files)
            Assert.Equal(Path.GetFileNameWithoutExtension(file), ScenarioLoader.Load(file).Name);
    }

    [Fact]
    public void Crash30Market_HasTheCompetitiveMarket()
    {
        var (scenario, _, _) = Load("crash-30-market.yaml");
        Assert.Contains(scenario.Agents.Arbitrageurs, a => a.BackRun);
        Assert.Contains(scenario.Agents.Liquidators, l => l.WatchesMempool);
        Assert.Equal(30_000_000, scenario.Gas?.BlockGasLimit);
        Assert.NotEmpty(scenario.Gas!.Background);
    }

    [Theory]
    [InlineData("crash-30.yaml")]
    [InlineData("crash-30-thin.yaml")]
    [InlineData("crash-30-deep.yaml")]
    public void Crash30_FixedDesign_CrashPutsSomeButNotAllBorrowersUnderwater(string file)
    {
        // Given the population of run 0 under the fixed design, borrowed at the initial price
        var (scenario, borrowers, units) = Load(file);
        var design = scenario.Protocol.Designs.Single(d => d.Model == MarginModelKind.Fixed).Base;
        var crashed = scenario.Market.InitialPrice * (1 - ((StepPathSpec)scenario.PricePath).Drop);

        // When each health factor is recomputed at the crashed price: HF = C x P' x LT / D
        var underwater = borrowers.Count(b =>
        {
            var debt = units.LoanWhole(b.TargetDebt(design.InitialLtv, scenario.Market.InitialPrice, units));
            return debt > 0 && units.CollateralWhole(b.Collateral) * crashed * design.LiquidationThreshold / debt < 1;
        });

        // Then the crash alone makes a cascade possible: some, but not all, positions are liquidatable
        Assert.InRange(underwater, 1, borrowers.Count - 1);
    }

    [Fact]
    public void Crash30Thin_CollateralAtRisk_WeighsMoreOnThePoolThanInDeep()
    {
        // Given the same population in the thin and the deep market
        var (thin, borrowers, _) = Load("crash-30-thin.yaml");
        var (deep, _, units) = Load("crash-30-deep.yaml");
        var total = borrowers.Sum(b => units.CollateralWhole(b.Collateral));

        // When the borrowers' collateral is compared with each pair's collateral reserve
        var thinShare = total / thin.Market.PairReserves.Collateral;
        var deepShare = total / deep.Market.PairReserves.Collateral;

        // Then in the thin market forced selling is large against the pool, in the deep one small
        Assert.True(thinShare > 0.5, $"thin: collateral is {thinShare:P0} of the pool");
        Assert.True(deepShare < 0.1, $"deep: collateral is {deepShare:P0} of the pool");
    }

    [Theory]
    [InlineData("crash-30.yaml")]
    [InlineData("crash-30-thin.yaml")]
    [InlineData("crash-30-deep.yaml")]
    [InlineData("black-thursday.yaml")]
    [InlineData("black-thursday-auctions.yaml")]
    [InlineData("mitigations-crash.yaml")]
    [InlineData("gbm-stress.yaml")]
    [InlineData("slow-bleed.yaml")]
    public void Shipped_EveryDesign_LendersCanFundTheWholePopulation(string file)
    {
        // Given run 0's population of a shipped scenario
        var (scenario, borrowers, units) = Load(file);

        // When the debt every borrower takes at the initial price is summed, per design
        foreach (var design in scenario.Protocol.Designs)
        {
            var totalDebt = borrowers.Sum(b => units.LoanWhole(b.TargetDebt(design.Base.InitialLtv, scenario.Market.InitialPrice, units)));

            // Then lenders supplied enough: no borrow fails for want of liquidity
            Assert.True(totalDebt < scenario.Market.LenderSupply, $"{design.Name}: {totalDebt:N0} borrowed of {scenario.Market.LenderSupply:N0} supplied");
        }
    }

    [Fact]
    public void Crash30LpFlight_IsCrash30WithProvidersOfMostOfThePair()
    {
        // Given crash-30 and its liquidity-flight copy
        var (plain, plainBorrowers, _) = Load("crash-30.yaml");
        var (flight, flightBorrowers, _) = Load("crash-30-lp-flight.yaml");

        // Then the world is the same: seed, market, price path, oracle, bots and run 0's borrowers
        Assert.Equal((plain.Seed, plain.Runs, plain.Blocks, plain.Market, plain.PricePath, plain.Oracle.Mode), (flight.Seed, flight.Runs, flight.Blocks, flight.Market, flight.PricePath, flight.Oracle.Mode));
        Assert.Equal(plain.Agents.Liquidators, flight.Agents.Liquidators);
        Assert.Equal(plain.Agents.Arbitrageur, flight.Agents.Arbitrageur);
        Assert.Equal(plainBorrowers, flightBorrowers);

        // And only the flight copy has providers, who own most of the pair and at least one of whom comes back
        Assert.Empty(plain.Agents.LiquidityProviders);
        Assert.InRange(flight.Agents.LiquidityProviders.Sum(p => p.Share), 0.5, 1);
        Assert.Contains(flight.Agents.LiquidityProviders, p => p.ReturnBelowVolatility is not null);
    }

    private static (Scenario Scenario, IReadOnlyList<Borrower> Borrowers, MarketUnits Units) Load(string file)
    {
        var scenario = ScenarioLoader.Load(Path.Combine(RepoPaths.Scenarios, file));
        var units = new MarketUnits(scenario.Market.Collateral.Decimals, scenario.Market.Loan.Decimals);
        var borrowers = BorrowerPopulation.Generate(scenario.Population, units, SeededRandom.ForStream(scenario.Seed, 0, "population"));
        return (scenario, borrowers, units);
    }
}
