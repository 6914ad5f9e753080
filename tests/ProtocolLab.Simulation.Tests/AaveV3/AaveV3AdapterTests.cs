using ProtocolLab.Simulation.Agents.Borrowers;
using ProtocolLab.Simulation.Engine;
using ProtocolLab.Simulation.Randomness;
using ProtocolLab.Simulation.Scenarios;
using ProtocolLab.Simulation.Tests.Engine;

namespace ProtocolLab.Simulation.Tests.AaveV3;

/// <summary>
/// The lending pipeline on a second protocol with no change to it: step-no-impact's world on the real
/// Aave v3 bytecode. Nothing amplifies the drop, so which positions Aave liquidates follows from its
/// health-factor formula alone and is computed here by hand.
/// </summary>
public sealed class AaveV3AdapterTests
{
    [Fact]
    public async Task RunAsync_StepDropOnAave_LiquidatesExactlyThePositionsBelowHealthOne()
    {
        // Given the fixture's population, drawn from the runner's own stream, and each position's
        // health factor after the drop: HF = collateral x price x threshold / debt
        var scenario = ScenarioLoader.Load(Path.Combine(AppContext.BaseDirectory, "AaveV3", "Scenarios", "aave-step-no-impact.yaml"));
        Assert.Equal(ProtocolKind.AaveV3, scenario.Protocol.Kind);
        var step = Assert.IsType<StepPathSpec>(scenario.PricePath);
        var rules = Assert.Single(scenario.Protocol.Designs).Base;
        var units = WorldKit.Units(scenario);
        var price = scenario.Market.InitialPrice * (1 - step.Drop);
        var population = BorrowerPopulation.Generate(scenario.Population, units, SeededRandom.ForStream(scenario.Seed, 0, "population"));
        var health = population
            .Select(b => units.CollateralWhole(b.Collateral) * price * rules.LiquidationThreshold / units.LoanWhole(b.TargetDebt(rules.InitialLtv, scenario.Market.InitialPrice, units)))
            .ToList();
        Assert.All(health, h => Assert.True(Math.Abs(h - 1) > 1e-4, $"a health factor of {h} is too close to 1 to call by hand"));
        var expected = Enumerable.Range(0, population.Count).Where(i => health[i] < 1).ToList();
        Assert.InRange(expected.Count, 5, population.Count - 5);

        // When the scenario runs on anvil, through the same runner and pipeline as ProtocolLab's market
        using var run = EngineRun.InTempFolder();
        var summary = (await run.RunAsync(scenario)).OnlyRunOf("fixed");

        // Then the positions opened are the population's, at the debt the initial LTV gives (Aave's rates are zero here)
        var start = run.Positions(scenario, "fixed", "start").ToDictionary(p => p.Borrower);
        var end = run.Positions(scenario, "fixed", "end").ToDictionary(p => p.Borrower);
        for (var i = 0; i < population.Count; i++)
        {
            var position = start[SimulationAccounts.Borrower(i).ToString()];
            Assert.Equal(units.CollateralWhole(population[i].Collateral), position.Collateral);
            Assert.Equal(units.LoanWhole(population[i].TargetDebt(rules.InitialLtv, scenario.Market.InitialPrice, units)), position.Debt, 1e-9);
        }

        // And the positions that lost collateral are exactly those with HF < 1 after the drop
        var liquidated = Enumerable.Range(0, population.Count)
            .Where(i => end[SimulationAccounts.Borrower(i).ToString()].Collateral < start[SimulationAccounts.Borrower(i).ToString()].Collateral)
            .ToList();
        Assert.Equal(expected, liquidated);

        // And the run's metrics come from Aave's LiquidationCall events: at least one a liquidated position,
        // every liquidation after the drop, the oracle the fundamental price throughout
        Assert.InRange(summary.LiquidationCount, expected.Count, 10 * expected.Count);
        Assert.True(summary.FirstLiquidationBlock > step.AtBlock);
        Assert.Equal(summary.MaxFundamentalDrawdown, summary.MaxOracleDrawdown, 9);
        Assert.Equal(0, summary.FailedLiquidations);
    }
}

public sealed class AaveV3ChainlinkTests
{
    [Fact]
    public async Task RunAsync_ChainlinkOnAave_AaveOraclePricesTheCollateralAtTheKeepersDeviationAndHeartbeatPushes()
    {
        // Given step-no-impact's Aave world on the slow-then-fast slide of the oracle tests, with a chainlink
        // oracle of a 2% threshold and a 60 s heartbeat
        var aave = ScenarioLoader.Load(Path.Combine(AppContext.BaseDirectory, "AaveV3", "Scenarios", "aave-step-no-impact.yaml"));
        var slide = EngineRun.Fixture("oracle-sources.yaml");
        var scenario = aave with { Blocks = slide.Blocks, PricePath = slide.PricePath, Oracle = new OracleSpec(OracleMode.Chainlink, 0.02, 60, 1800) };

        // When it runs on Aave v3
        using var run = EngineRun.InTempFolder();
        await run.RunAsync(scenario);

        // Then the price Aave acts on (AaveOracle over the keeper's feed) is the hand-computed chainlink answer
        var blocks = BlockPrices.Read(run, scenario, "fixed");
        var (expected, heartbeats, deviations) = BlockPrices.ChainlinkByHand(blocks, 0.02, 60);
        Assert.True(heartbeats > 0 && deviations > 0, $"{heartbeats} heartbeat and {deviations} deviation pushes");
        for (var b = 0; b < blocks.Count; b++)
            Assert.Equal(expected[b], blocks[b].Oracle, tolerance: 1e-6);
    }
}

public sealed class AaveV3StewardRunTests
{
    [Fact]
    public async Task RunAsync_DynamicDesignOnAave_RiskStewardRepricesTheReserveOneStepPerBlock()
    {
        // Given step-no-impact on Aave with a risk steward next to the fixed design. The oracle is the
        // fundamental price, pushed every block: the 30% round lands at block 3, sigma = sqrt(0.1 x 0.25^2)
        // (the return is capped at 0.25) puts the target at the 0.65 floor, and the threshold steps down
        // 0.005 a block from block 3 to 12: 10 steps, 0.80 -> 0.75
        var scenario = ScenarioLoader.Load(Path.Combine(AppContext.BaseDirectory, "AaveV3", "Scenarios", "aave-step-steward.yaml"));

        // When both designs run on anvil
        using var run = EngineRun.InTempFolder();
        await run.RunAsync(scenario);

        // Then the fixed reserve keeps 0.80 and the stewarded one ends at 0.75, as Aave itself reports
        // it for every position that still has collateral (getUserAccountData's current threshold)
        double[] EndThresholds(string design) => run.Positions(scenario, design, "end").Where(p => p.Collateral > 0).Select(p => p.LiquidationThreshold).Distinct().ToArray();
        Assert.Equal([0.80], EndThresholds("fixed"));
        Assert.Equal([0.75], EndThresholds("steward"));

        // And margin-state.csv follows the reserve block by block: 0.80 until the crash, one 0.005 step
        // a block over blocks 3-12, then 0.75; the fixed reserve's row never moves
        double Threshold(IReadOnlyDictionary<string, string> row) => double.Parse(row["threshold"], System.Globalization.CultureInfo.InvariantCulture);
        var steward = run.Csv(scenario, "steward", ProtocolLab.Simulation.Results.MarginStateCsvWriter.FileName).Select(Threshold).ToList();
        Assert.All(steward.Select((t, b) => (t, b)), x => Assert.Equal(0.80 - (0.005 * Math.Clamp(x.b - 2, 0, 10)), x.t, tolerance: 1e-9));
        Assert.All(run.Csv(scenario, "fixed", ProtocolLab.Simulation.Results.MarginStateCsvWriter.FileName), r => Assert.Equal(("0.8", "0.5"), (r["threshold"], r["closeFactor"])));

        // And the tighter reserve liquidates every position the fixed one does, and more
        static HashSet<string> Liquidated(EngineRun run, Scenario scenario, string design)
        {
            var start = run.Positions(scenario, design, "start").ToDictionary(p => p.Borrower);
            return run.Positions(scenario, design, "end").Where(p => p.Collateral < start[p.Borrower].Collateral).Select(p => p.Borrower).ToHashSet();
        }
        var fixedSet = Liquidated(run, scenario, "fixed");
        var stewardSet = Liquidated(run, scenario, "steward");
        Assert.Superset(fixedSet, stewardSet);
        Assert.True(stewardSet.Count > fixedSet.Count, $"the steward liquidated {stewardSet.Count}, the fixed reserve {fixedSet.Count}");
    }
}
