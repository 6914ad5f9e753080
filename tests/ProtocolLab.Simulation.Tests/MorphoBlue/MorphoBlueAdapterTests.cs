using ProtocolLab.Chain;
using ProtocolLab.Simulation.Agents.Borrowers;
using ProtocolLab.Simulation.Engine;
using ProtocolLab.Simulation.MorphoBlue;
using ProtocolLab.Simulation.Randomness;
using ProtocolLab.Simulation.Scenarios;
using ProtocolLab.Simulation.Tests.Engine;

namespace ProtocolLab.Simulation.Tests.MorphoBlue;

/// <summary>
/// The lending pipeline on Morpho Blue with no change to it: step-no-impact's world on the real
/// Morpho.sol. Nothing amplifies the drop, so which positions Morpho liquidates, and which it writes
/// off, follow from its own rules alone and are computed here by hand.
/// </summary>
public sealed class MorphoBlueAdapterTests
{
    [Fact]
    public async Task RunAsync_StepDropOnMorpho_LiquidatesExactlyTheUnhealthyPositionsAndWritesOffTheUnderwaterOnes()
    {
        // Given the fixture's population, drawn from the runner's own stream, and each position after the
        // drop: unhealthy when collateral x price x LLTV < borrowed; written off when the collateral is worth
        // less than the debt times the incentive factor min(1.15, 1 / (1 - 0.3 (1 - LLTV)))
        var scenario = Load("morpho-step-no-impact.yaml");
        Assert.Equal(ProtocolKind.MorphoBlue, scenario.Protocol.Kind);
        var step = Assert.IsType<StepPathSpec>(scenario.PricePath);
        var rules = Assert.Single(scenario.Protocol.Designs).Base;
        var lltv = rules.LiquidationThreshold;
        var incentive = 1 / (1 - (0.3 * (1 - lltv)));
        var units = WorldKit.Units(scenario);
        var price = scenario.Market.InitialPrice * (1 - step.Drop);
        var population = BorrowerPopulation.Generate(scenario.Population, units, SeededRandom.ForStream(scenario.Seed, 0, "population"));
        var debts = population.Select(b => units.LoanWhole(b.TargetDebt(rules.InitialLtv, scenario.Market.InitialPrice, units))).ToList();
        var values = population.Select(b => units.CollateralWhole(b.Collateral) * price).ToList();
        var health = values.Select((v, i) => v * lltv / debts[i]).ToList();
        var cover = values.Select((v, i) => v / (debts[i] * incentive)).ToList();
        Assert.All(health.Concat(cover), h => Assert.True(Math.Abs(h - 1) > 1e-4, $"a ratio of {h} is too close to 1 to call by hand"));
        var expected = Enumerable.Range(0, population.Count).Where(i => health[i] < 1).ToList();
        var writtenOff = Enumerable.Range(0, population.Count).Where(i => cover[i] < 1).ToList();
        Assert.InRange(expected.Count, 5, population.Count - 5);
        Assert.InRange(writtenOff.Count, 2, expected.Count - 2);
        var expectedBadDebt = writtenOff.Sum(i => debts[i] - (values[i] / incentive));

        // When the scenario runs on anvil, through the same runner and pipeline as ProtocolLab's market
        using var run = EngineRun.InTempFolder();
        var summary = (await run.RunAsync(scenario)).OnlyRunOf("lltv-86");

        // Then the positions opened are the population's, at the debt the initial LTV gives (no interest: the zero IRM)
        var start = run.Positions(scenario, "lltv-86", "start").ToDictionary(p => p.Borrower);
        var end = run.Positions(scenario, "lltv-86", "end").ToDictionary(p => p.Borrower);
        string Key(int i) => SimulationAccounts.Borrower(i).ToString();
        for (var i = 0; i < population.Count; i++)
        {
            Assert.Equal(units.CollateralWhole(population[i].Collateral), start[Key(i)].Collateral);
            Assert.Equal(debts[i], start[Key(i)].Debt, 1e-9);
            Assert.Equal(lltv, start[Key(i)].LiquidationThreshold, 12);
        }

        // And the positions that lost collateral are exactly the unhealthy ones, each liquidated once and in full
        // (no close factor): debt repaid, and collateral left only where it covered the debt and the incentive
        var liquidated = Enumerable.Range(0, population.Count).Where(i => end[Key(i)].Collateral < start[Key(i)].Collateral).ToList();
        Assert.Equal(expected, liquidated);
        Assert.All(expected, i => Assert.Equal(0, end[Key(i)].Debt));
        Assert.Equal(writtenOff, expected.Where(i => end[Key(i)].Collateral == 0).ToList());
        Assert.Equal(expected.Count, summary.LiquidationCount);
        Assert.Equal(0, summary.FailedLiquidations);

        // And the bad debt is what Morpho's Liquidate events reported written off: the hand-computed
        // shortfall of the underwater positions, to a cent over all of them
        Assert.Equal(expectedBadDebt, summary.BadDebt, 0.01);
        Assert.True(summary.FirstLiquidationBlock > step.AtBlock);
        Assert.Equal(summary.MaxFundamentalDrawdown, summary.MaxOracleDrawdown, 9);

        // And margin-state.csv holds the market's immutable terms every block: the LLTV, its incentive, a full close
        var state = run.Csv(scenario, scenario.Protocol.Designs[0].Name, ProtocolLab.Simulation.Results.MarginStateCsvWriter.FileName);
        Assert.Equal(scenario.Blocks + 1, state.Count);
        static double Number(string text) => double.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        Assert.All(state, r =>
        {
            Assert.Equal(lltv, Number(r["threshold"]), 1e-12);
            Assert.Equal(incentive - 1, Number(r["bonus"]), 1e-9);
            Assert.Equal(1.0, Number(r["closeFactor"]));
        });

    }

    [Theory]
    [InlineData("oracle:\n  mode: exogenous", "oracle:\n  mode: twap\n  twapWindowSeconds: 60", "oracle.mode")]
    [InlineData("  kind: morpho-blue", "  kind: morpho-blue\n  insuranceFund: 1000", "protocol.insuranceFund")]
    public async Task CreateAsync_WhatTheAdapterDoesNotModel_IsRefusedNamingTheField(string from, string to, string field)
    {
        // Given the fixture, with arbitrage so that every oracle mode is valid, and one field the Morpho adapter does not model
        var text = File.ReadAllText(FixturePath("morpho-step-no-impact.yaml"))
            .Replace("arbitrageCapitalPerBlock: 0", "arbitrageCapitalPerBlock: 25_000", StringComparison.Ordinal)
            .Replace("arbitrageur: { enabled: false }", "arbitrageur: { enabled: true }", StringComparison.Ordinal)
            .Replace(from, to, StringComparison.Ordinal);
        var path = Path.Combine(AppContext.BaseDirectory, "MorphoBlue", "Scenarios", $"refused-{field}.yaml");
        File.WriteAllText(path, text);
        Scenario scenario;
        try
        {
            scenario = ScenarioLoader.Load(path);
        }
        finally
        {
            File.Delete(path);
        }

        // When the adapter is asked to deploy it, Then it refuses before touching a chain, naming the field
        var error = await Assert.ThrowsAsync<UserInputException>(() => MorphoBlueAdapter.CreateAsync(null!, null!, default, scenario, scenario.Protocol.Designs[0], CancellationToken.None));
        Assert.Contains($": {field}: ", error.Message, StringComparison.Ordinal);
    }

    private static string FixturePath(string file) => Path.Combine(AppContext.BaseDirectory, "MorphoBlue", "Scenarios", file);

    private static Scenario Load(string file) => ScenarioLoader.Load(FixturePath(file));
}
