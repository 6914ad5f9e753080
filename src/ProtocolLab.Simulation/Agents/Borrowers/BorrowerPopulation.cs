using ProtocolLab.Simulation.Randomness;
using ProtocolLab.Simulation.Scenarios;

namespace ProtocolLab.Simulation.Agents.Borrowers;

/// <summary>
/// Draws the borrower population of a run. Per borrower, in this order: size, leverage,
/// behaviour; opening prices come from a child stream, so scenarios without them draw the same
/// people as before. Pass the run's "population" stream so that all designs of a run share it.
/// </summary>
public static class BorrowerPopulation
{
    public static IReadOnlyList<Borrower> Generate(PopulationSpec spec, MarketUnits units, SeededRandom random)
    {
        var borrowers = new List<Borrower>(spec.Borrowers);
        var opening = random.Child("opening-price");
        for (var id = 0; id < spec.Borrowers; id++)
        {
            var size = DrawSize(spec.Size, random);
            var leverage = DrawLeverage(spec.Leverage, random);
            var behaviour = DrawBehaviour(spec.Behaviours, random);
            borrowers.Add(new Borrower(id, units.CollateralBase(size), leverage, behaviour)
            {
                OpeningPriceFactor = spec.OpeningPrice is { } o ? DrawOpeningPrice(o, opening) : 1,
            });
        }

        return borrowers;
    }

    /// <summary>
    /// The imported positions of <paramref name="spec"/> (population.positions), in file order; each
    /// draws only its behaviour from <paramref name="random"/>.
    /// </summary>
    public static IReadOnlyList<Borrower> Import(PopulationSpec spec, MarketUnits units, double initialPrice, SeededRandom random)
    {
        var imported = spec.Imported ?? throw new ArgumentException("the population has no imported positions", nameof(spec));
        return imported.Select((p, id) => new Borrower(id, units.CollateralBase(p.Collateral), 0, DrawBehaviour(spec.Behaviours, random))
        {
            ImportedDebt = units.LoanBase(p.Debt),
            OpeningPriceFactor = p.OpeningPrice is { } price ? price / initialPrice : 1,
            OpensWhereItFits = p.OpeningPrice is null,
        }).ToList();
    }

    /// <summary>Collateral in whole tokens, clamped to [min, max].</summary>
    public static double DrawSize(SizeDistributionSpec spec, SeededRandom random)
    {
        var raw = spec switch
        {
            ParetoSizeSpec pareto => random.Pareto(pareto.Alpha, pareto.Scale),
            LogNormalSizeSpec logNormal => random.LogNormal(logNormal.Mu, logNormal.Sigma),
            _ => throw new ArgumentException($"Unknown size distribution {spec.GetType().Name}.", nameof(spec)),
        };
        return Math.Clamp(raw, spec.Min, spec.Max);
    }

    /// <summary>Fraction of the initial LTV, in [0, 1].</summary>
    public static double DrawLeverage(LeverageDistributionSpec spec, SeededRandom random)
    {
        var raw = spec switch
        {
            BetaLeverageSpec beta => random.Beta(beta.Alpha, beta.Beta),
            TruncatedNormalLeverageSpec normal => random.TruncatedNormal(normal.Mean, normal.Stdev, normal.Min, normal.Max),
            _ => throw new ArgumentException($"Unknown leverage distribution {spec.GetType().Name}.", nameof(spec)),
        };
        return Math.Clamp(raw, 0, 1);
    }

    /// <summary>Uniform in [min, max], rounded to 1% so a population opens in a few price steps.</summary>
    public static double DrawOpeningPrice(OpeningPriceSpec spec, SeededRandom random) =>
        Math.Round((spec.Min + ((spec.Max - spec.Min) * random.NextDouble())) * 100) / 100;

    /// <summary>Picks a behaviour with probability equal to its share (inverse CDF over the list order).</summary>
    public static BehaviourSpec DrawBehaviour(IReadOnlyList<BehaviourSpec> behaviours, SeededRandom random)
    {
        var u = random.NextDouble();
        var cumulative = 0.0;
        foreach (var behaviour in behaviours)
        {
            cumulative += behaviour.Share;
            if (u < cumulative)
            {
                return behaviour;
            }
        }

        return behaviours[^1];
    }
}
