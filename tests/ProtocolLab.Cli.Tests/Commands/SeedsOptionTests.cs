using ProtocolLab.Cli.Commands;
using ProtocolLab.Simulation.Scenarios;

namespace ProtocolLab.Cli.Tests.Commands;

public class SeedsOptionTests
{
    private static readonly Scenario CrashThirty = ScenarioLoader.Load(Path.Combine(Support.RepoPaths.Root, "scenarios", "crash-30.yaml"));

    [Fact]
    public void WithSeeds_Count_ReplacesTheScenariosRuns()
    {
        // Given crash-30 and --seeds 30
        // When it is applied
        var scenario = CliOptions.WithSeeds(CrashThirty, 30);

        // Then the scenario runs 30 times, everything else unchanged
        Assert.Equal(30, scenario!.Runs);
        Assert.Equal(CrashThirty with { Runs = 30 }, scenario);
    }

    [Fact]
    public void WithSeeds_None_KeepsTheScenario()
    {
        Assert.Same(CrashThirty, CliOptions.WithSeeds(CrashThirty, null));
    }

    [Fact]
    public void WithSeeds_Zero_IsRefused()
    {
        Assert.Null(CliOptions.WithSeeds(CrashThirty, 0));
    }
}
