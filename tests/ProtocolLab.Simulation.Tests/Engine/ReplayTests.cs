using ProtocolLab.Simulation.Engine;
using ProtocolLab.Simulation.Runs;
using ProtocolLab.Simulation.Scenarios;

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
        Assert.Equal(2 * ((2 * 7) + 1), files.Count); // per run: blocks.jsonl/.csv, positions start/end, shock curve, trades, margin state
        foreach (var file in files)
            Assert.True(
                File.ReadAllBytes(Path.Combine(first.Output, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(second.Output, file))),
                $"{file} differs between two runs of the same seed");

        // And each run drew its own population, shared by both designs of that run (paired)
        var design = scenario.Protocol.Designs[0].Name;
        var other = scenario.Protocol.Designs[1].Name;
        Assert.NotEqual(Collateral(first, scenario, design, 0), Collateral(first, scenario, design, 1));
        Assert.Equal(Collateral(first, scenario, design, 1), Collateral(first, scenario, other, 1));
    }

    [Fact]
    public async Task RunAsync_CompetitiveMarketTwice_WritesByteIdenticalFiles()
    {
        // Given the replay world with the credible-market parts: two competing arbitrageurs (one
        // back-running, one a block late), a bot watching the pending pool, 30M-gas blocks with a base
        // fee and a congestion window that leaves transactions out
        var replay = EngineRun.Fixture("replay.yaml");
        var scenario = replay with
        {
            Agents = replay.Agents with
            {
                Arbitrageur = new ArbitrageurSpec(false, 0),
                Arbitrageurs = [new CompetingArbitrageurSpec("back", 2_000_000, null, 0, 2, true, 0), new CompetingArbitrageurSpec("late", 100_000, null, 1, 3, false, 5)],
                Liquidators = [replay.Agents.Liquidators[0] with { WatchesMempool = true }, replay.Agents.Liquidators[1]],
            },
            Gas = new GasSpec(30_000_000, 5, [new CongestionWindow(4, 6, 29_000_000, 3)]),
        };

        // When it runs twice on fresh devnets
        using var first = EngineRun.InTempFolder();
        using var second = EngineRun.InTempFolder();
        await first.RunAsync(scenario);
        await second.RunAsync(scenario);

        // Then every file has the same bytes
        var files = ResultFiles(first.Output);
        Assert.Equal(files, ResultFiles(second.Output));
        foreach (var file in files)
            Assert.True(
                File.ReadAllBytes(Path.Combine(first.Output, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(second.Output, file))),
                $"{file} differs between two runs of the same seed");
        Assert.Contains("\"delayedTransactions\":", File.ReadAllText(Path.Combine(first.RunFolder(scenario, scenario.Protocol.Designs[0].Name), "blocks.jsonl")), StringComparison.Ordinal);
    }

    [Fact]
    public void Population_SameForEveryRun_ReusesRunZerosDraw()
    {
        // Given the replay scenario, once as it is and once keeping one population
        var scenario = EngineRun.Fixture("replay.yaml");
        var fixedPopulation = scenario with { Population = scenario.Population with { SameForEveryRun = true } };

        // When runs 0 and 1 draw their borrowers
        var drawn = WorldKit.Population(scenario, 1).Select(b => b.Collateral);
        var kept = WorldKit.Population(fixedPopulation, 1).Select(b => b.Collateral);

        // Then by default run 1 differs from run 0, and kept, it is run 0's
        var runZero = WorldKit.Population(scenario, 0).Select(b => b.Collateral).ToList();
        Assert.NotEqual(runZero, drawn);
        Assert.Equal(runZero, kept);
    }

    private static string Collateral(EngineRun run, Simulation.Scenarios.Scenario scenario, string design, int index) =>
        string.Join(';', File.ReadAllLines(Path.Combine(run.RunFolder(scenario, design, index), "positions-start.csv")).Skip(1).Select(l => l.Split(',')[1]));

    private static List<string> ResultFiles(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(folder, path))
            .Where(path => path != "anvil.log")
            .Order(StringComparer.Ordinal)
            .ToList();
}
