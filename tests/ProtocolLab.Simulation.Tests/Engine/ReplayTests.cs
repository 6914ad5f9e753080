namespace ProtocolLab.Simulation.Tests.Engine;

/// <summary>The promise of the design: the same scenario and seed give byte-identical results.</summary>
public sealed class ReplayTests
{
    [Fact]
    public async Task RunAsync_SameScenarioTwiceOnFreshDevnets_WritesByteIdenticalFiles()
    {
        // Given a scenario with two designs and two runs each (evm_revert between designs and runs),
        // a random jump path, racing liquidators, borrowers who top up or deleverage, a market oracle
        var scenario = EngineRun.Fixture("replay.yaml");

        // When it runs twice, each time on its own anvil into its own folder
        using var first = EngineRun.InTempFolder();
        using var second = EngineRun.InTempFolder();
        var results = await first.RunAsync(scenario);
        await second.RunAsync(scenario);
        Assert.All(results.SelectMany(r => r.Runs), r => Assert.True(r.LiquidationCount > 0, "every run should have liquidations to replay"));

        // Then both folders hold the same files with the same bytes (the anvil logs aside)
        var files = ResultFiles(first.Output);
        Assert.Equal(files, ResultFiles(second.Output));
        Assert.Equal(2 * ((2 * 4) + 1), files.Count);
        foreach (var file in files)
            Assert.True(
                File.ReadAllBytes(Path.Combine(first.Output, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(second.Output, file))),
                $"{file} differs between two runs of the same seed");
    }

    private static List<string> ResultFiles(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(folder, path))
            .Where(path => path != "anvil.log")
            .Order(StringComparer.Ordinal)
            .ToList();
}
