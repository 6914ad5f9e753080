using ProtocolLab.Simulation.Randomness;
using ProtocolLab.Simulation.Scenarios;

namespace ProtocolLab.Simulation.Paths;

/// <summary>Builds the fundamental path a scenario asks for.</summary>
public static class PricePathFactory
{
    /// <summary>
    /// The path for one run. Pass the run's "price-path" stream
    /// (<c>SeededRandom.ForStream(seed, run, "price-path")</c>) so that every design compared on
    /// that run sees the same path.
    /// </summary>
    public static IPricePath Create(Scenario scenario, SeededRandom random) =>
        Create(scenario.PricePath, scenario.Market.InitialPrice, scenario.Blocks, scenario.BlockTimeSeconds, random);

    public static IPricePath Create(PricePathSpec spec, double initialPrice, int blocks, int blockTimeSeconds, SeededRandom random) => spec switch
    {
        StepPathSpec step => new StepPath(initialPrice, blocks, step.AtBlock, step.Drop),
        PiecewisePathSpec piecewise => new PiecewiseLinearPath(initialPrice, blocks, piecewise.Points),
        GbmPathSpec gbm => GbmPath.Generate(initialPrice, blocks, blockTimeSeconds, gbm.Mu, gbm.Sigma, random),
        JumpPathSpec jump => JumpDiffusionPath.Generate(initialPrice, blocks, blockTimeSeconds, jump, random).Path,
        CsvPathSpec csv => CsvReplayPath.Generate(csv.Series, initialPrice, blocks, blockTimeSeconds),
        _ => throw new ArgumentException($"Unknown price path {spec.GetType().Name}.", nameof(spec)),
    };
}
