using System.Numerics;
using ProtocolLab.Simulation.Agents;
using ProtocolLab.Simulation.Agents.Borrowers;
using ProtocolLab.Simulation.Randomness;
using ProtocolLab.Simulation.Scenarios;

namespace ProtocolLab.Simulation.Tests.Agents.Borrowers;

public class BorrowerPopulationTests
{
    private static readonly MarketUnits Units = new(18, 6);

    private static readonly PopulationSpec Spec = new(
        20_000,
        new ParetoSizeSpec(2, 1, 1, 1_000_000),
        new BetaLeverageSpec(8, 2),
        [new PassiveBehaviourSpec(0.5), new TopUpBehaviourSpec(0.3, 0.5, 1.05, 1.3), new DeleverageBehaviourSpec(0.2, 1.1, 1.4)]);

    [Fact]
    public void Generate_LargePopulation_FollowsTheConfiguredDistributions()
    {
        // Given a Pareto(2, 1) size, Beta(8, 2) leverage and a 50/30/20 behaviour mix
        // When 20,000 borrowers are drawn
        var borrowers = BorrowerPopulation.Generate(Spec, Units, SeededRandom.ForStream(1, 0, "population"));

        // Then ids run 0..n-1, the median size is sqrt(2) (Pareto median = scale x 2^(1/alpha)),
        // the mean leverage is 0.8 and the behaviour shares are within 4 binomial standard deviations
        Assert.Equal(Enumerable.Range(0, 20_000), borrowers.Select(b => b.Id));
        var sizes = borrowers.Select(b => Units.CollateralWhole(b.Collateral)).Order().ToArray();
        Assert.InRange(sizes[10_000], Math.Sqrt(2) * 0.98, Math.Sqrt(2) * 1.02);
        Assert.InRange(borrowers.Average(b => b.LeverageFraction), 0.795, 0.805);
        Assert.InRange(borrowers.Count(b => b.Behaviour is TopUpBehaviourSpec), 6000 - 260, 6000 + 260);
        Assert.InRange(borrowers.Count(b => b.Behaviour is DeleverageBehaviourSpec), 4000 - 230, 4000 + 230);
    }

    [Fact]
    public void Generate_SameStream_GivesTheSamePopulation()
    {
        // Given the same run stream twice (two designs of one run)
        // When each generates the population
        var a = BorrowerPopulation.Generate(Spec with { Borrowers = 100 }, Units, SeededRandom.ForStream(9, 2, "population"));
        var b = BorrowerPopulation.Generate(Spec with { Borrowers = 100 }, Units, SeededRandom.ForStream(9, 2, "population"));

        // Then they are identical
        Assert.Equal(a, b);
    }

    [Fact]
    public void DrawSize_HeavyTail_IsClampedToMinAndMax()
    {
        // Given a very heavy tail (alpha 0.5) clamped to [2, 5]
        var spec = new ParetoSizeSpec(0.5, 1, 2, 5);
        var random = SeededRandom.FromSeed(3);

        // When many sizes are drawn
        var sizes = Enumerable.Range(0, 5000).Select(_ => BorrowerPopulation.DrawSize(spec, random)).ToArray();

        // Then none leaves the clamp and both bounds are hit
        Assert.All(sizes, s => Assert.InRange(s, 2, 5));
        Assert.Contains(2.0, sizes);
        Assert.Contains(5.0, sizes);
    }

    [Fact]
    public void TargetDebt_TenEthAt2000_IsValueTimesLtvTimesLeverage()
    {
        // Given 10 WETH at 2000, initial LTV 75%, leverage 0.8 of it
        var borrower = new Borrower(0, 10 * BigInteger.Pow(10, 18), 0.8, new PassiveBehaviourSpec(1));

        // When the debt is derived
        // Then it is 20,000 x 0.6 = 12,000 USDC
        Assert.Equal(new BigInteger(12_000_000_000), borrower.TargetDebt(0.75, 2000, Units));
    }
}
