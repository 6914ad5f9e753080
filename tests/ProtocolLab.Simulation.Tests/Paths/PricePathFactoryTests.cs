using ProtocolLab.Simulation.Paths;
using ProtocolLab.Simulation.Randomness;
using ProtocolLab.Simulation.Scenarios;

namespace ProtocolLab.Simulation.Tests.Paths;

public class PricePathFactoryTests
{
    [Fact]
    public void Create_ShippedGbmScenario_SameRunSameStream_GivesSamePath()
    {
        // Given gbm-stress and the price-path stream of run 3, twice (as two designs would)
        var scenario = ScenarioLoader.Load(Path.Combine(RepoPaths.Scenarios, "gbm-stress.yaml"));

        // When each builds its path
        var a = PricePathFactory.Create(scenario, SeededRandom.ForStream(scenario.Seed, 3, "price-path"));
        var b = PricePathFactory.Create(scenario, SeededRandom.ForStream(scenario.Seed, 3, "price-path"));
        var otherRun = PricePathFactory.Create(scenario, SeededRandom.ForStream(scenario.Seed, 4, "price-path"));

        // Then the designs see the same path, another run another one
        Assert.Equal(scenario.Blocks, a.Blocks);
        Assert.Equal(Enumerable.Range(0, a.Blocks + 1).Select(a.PriceAt), Enumerable.Range(0, b.Blocks + 1).Select(b.PriceAt));
        Assert.NotEqual(a.PriceAt(scenario.Blocks), otherRun.PriceAt(scenario.Blocks));
    }

    [Fact]
    public void Create_StepSpec_BuildsStepPath()
    {
        // Given a step spec
        // When a path is created
        var path = PricePathFactory.Create(new StepPathSpec(2, 0.5), 10, 5, 12, SeededRandom.FromSeed(0));

        // Then it steps as specified
        Assert.Equal([10.0, 10.0, 5.0, 5.0, 5.0, 5.0], Enumerable.Range(0, 6).Select(path.PriceAt));
    }
}
