using ProtocolLab.Simulation.Agents.Borrowers;
using ProtocolLab.Simulation.Engine;
using ProtocolLab.Simulation.Randomness;
using ProtocolLab.Simulation.Scenarios;

namespace ProtocolLab.Simulation.Tests.Engine;

/// <summary>
/// A step drop nothing amplifies (exogenous oracle, a liquidator that holds, passive borrowers), so
/// every liquidation follows from the health-factor formula alone: the set of positions liquidated,
/// how many rounds each takes and the bad debt are computed by hand and matched exactly.
/// </summary>
public sealed class StepDropLiquidationTests
{
    [Fact]
    public async Task RunAsync_StepDropWithoutMarketImpact_LiquidatesExactlyThePositionsBelowHealthOne()
    {
        // Given the fixture's population, drawn from the runner's own stream, and each position's
        // health factor after the drop: HF = collateral x price x threshold / debt
        var scenario = EngineRun.Fixture("step-no-impact.yaml");
        var step = Assert.IsType<StepPathSpec>(scenario.PricePath);
        var rules = Assert.Single(scenario.Protocol.Designs).Base;
        var units = WorldKit.Units(scenario);
        var price = scenario.Market.InitialPrice * (1 - step.Drop);
        var population = BorrowerPopulation.Generate(scenario.Population, units, SeededRandom.ForStream(scenario.Seed, 0, "population"));
        var expected = population.Select(b => HandLiquidation.Of(
                units.CollateralWhole(b.Collateral), units.LoanWhole(b.TargetDebt(rules.InitialLtv, scenario.Market.InitialPrice, units)), price, rules))
            .ToList();
        // (interest over a few minutes and wei rounding move a health factor by far less than 1e-4)
        Assert.All(expected, e => Assert.True(e.ClosestToOne > 1e-4, $"{e} has a health factor too close to 1 to call by hand"));
        Assert.InRange(expected.Count(e => e.Rounds > 0), 5, population.Count - 5);
        Assert.Contains(expected, e => e.BadDebt > 0);

        // When the scenario runs on anvil
        using var run = EngineRun.InTempFolder();
        var summary = (await run.RunAsync(scenario)).OnlyRunOf("fixed");

        // Then the positions opened are the population's, at the debt the initial LTV gives
        var start = run.Positions(scenario, "fixed", "start").ToDictionary(p => p.Borrower);
        var end = run.Positions(scenario, "fixed", "end").ToDictionary(p => p.Borrower);
        for (var i = 0; i < population.Count; i++)
        {
            var position = start[SimulationAccounts.Borrower(i).ToString()];
            Assert.Equal(expected[i].Collateral, position.Collateral);
            Assert.Equal(expected[i].Debt, position.Debt, tolerance: expected[i].Debt * 1e-7); // plus interest since opening
        }

        // And the positions that lost collateral are exactly those with HF < 1 after the drop
        var liquidated = Enumerable.Range(0, population.Count)
            .Select(i => SimulationAccounts.Borrower(i).ToString())
            .Select((address, i) => (i, Lost: end[address].Collateral < start[address].Collateral))
            .Where(x => x.Lost)
            .Select(x => x.i)
            .ToList();
        Assert.Equal(Enumerable.Range(0, population.Count).Where(i => expected[i].Rounds > 0), liquidated);

        // And the liquidator, reacting the block after the oracle moved, liquidates each of them in the
        // first round and again in each later block while its HF stays below 1
        var blocks = run.Blocks(scenario, "fixed");
        var shock = step.AtBlock;
        var perBlock = blocks.Select(b => b.GetProperty("liquidations").GetInt32()).ToList();
        var rounds = expected.Max(e => e.Rounds);
        var expectedPerBlock = Enumerable.Range(0, blocks.Count)
            .Select(block => block <= shock ? 0 : expected.Count(e => e.Rounds > block - shock - 1))
            .ToList();
        Assert.Equal(expectedPerBlock, perBlock);
        Assert.True(shock + rounds < scenario.Blocks, "the fixture leaves blocks after the last round");

        // And the backlog at each block's end is the positions still below health factor 1: all of them
        // once the oracle has moved, then those that need more rounds, owing what they borrowed at first
        var backlog = blocks.Select(b => b.GetProperty("liquidatablePositions").GetInt32()).ToList();
        Assert.Equal(Enumerable.Range(0, blocks.Count).Select(block => block < shock ? 0 : expected.Count(e => e.Rounds > block - shock)), backlog);
        var owed = expected.Where(e => e.Rounds > 0).Sum(e => e.Debt);
        Assert.Equal(owed, blocks[shock].GetProperty("liquidatableDebt").GetDouble(), tolerance: owed * 1e-6);
        Assert.Equal(owed / start.Values.Sum(p => p.Debt) * 100, summary.PeakLiquidatableDebtPercent, tolerance: 1e-3);

        // And the bad debt is what the insolvent positions leave: debt - collateral value / (1 + bonus)
        Assert.Equal(expected.Sum(e => e.BadDebt), summary.BadDebt, tolerance: 0.01);

        // And nothing amplified the drop, and no position is left liquidatable
        Assert.Equal(1.0, summary.AmplificationRatio);
        Assert.All(end.Values, p => Assert.True(p.Debt == 0 || p.Collateral * price * rules.LiquidationThreshold / p.Debt >= 1));
    }

    /// <summary>The protocol's rules applied by hand to one position at the crash price, in whole units.</summary>
    /// <param name="ClosestToOne">The smallest |HF - 1| met along the way: how safely each round is called.</param>
    private sealed record HandLiquidation(double Collateral, double Debt, int Rounds, double BadDebt, double ClosestToOne)
    {
        public static HandLiquidation Of(double collateral, double debt, double price, BaseMarginParameters rules)
        {
            var (c, d, rounds, badDebt, closest) = (collateral, debt, 0, 0.0, double.PositiveInfinity);
            while (d > 0)
            {
                var health = c * price * rules.LiquidationThreshold / d;
                closest = Math.Min(closest, Math.Abs(health - 1));
                if (health >= 1)
                    break;
                rounds++;
                if (c * price < d * (1 + rules.Bonus))
                {
                    // Insolvent: the close factor is lifted, all collateral goes, the rest is bad debt.
                    badDebt = d - (c * price / (1 + rules.Bonus));
                    break;
                }
                var repay = d * rules.CloseFactor;
                c -= repay * (1 + rules.Bonus) / price;
                d -= repay;
            }
            return new HandLiquidation(collateral, debt, rounds, badDebt, closest);
        }
    }
}
