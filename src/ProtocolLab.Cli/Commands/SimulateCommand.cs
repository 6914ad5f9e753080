using System.Diagnostics;
using ProtocolLab.Chain.Devnets;
using ProtocolLab.Simulation.Engine;
using ProtocolLab.Simulation.Scenarios;

namespace ProtocolLab.Cli.Commands;

/// <summary>`run` and `compare`: load and validate a scenario, run designs on an embedded anvil, print the comparison.</summary>
internal static class SimulateCommand
{
    public static async Task<int> RunAsync(string scenarioPath, string? designName, bool compare, string output, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        Scenario scenario;
        try
        {
            scenario = ScenarioLoader.Load(scenarioPath);
        }
        catch (ScenarioLoadException e)
        {
            foreach (var error in e.Errors)
                stderr.WriteLine($"error: {error}");
            return 2;
        }

        var designs = SelectDesigns(scenario, designName, compare, stderr);
        if (designs is null)
            return 2;

        var watch = Stopwatch.StartNew();
        var lastLine = "";
        var progress = new Progress<RunProgress>(p =>
        {
            var line = $"{p.Design}: run {p.Run + 1}/{p.Runs}, block {p.Block}/{p.Blocks}";
            if (line != lastLine && (p.Block == p.Blocks || p.Block % 10 == 0))
                stderr.WriteLine(line);
            lastLine = line;
        });
        var runner = new ScenarioRunner(new RunnerOptions { OutputDirectory = output, Progress = progress });
        var results = await runner.RunAsync(scenario, designs, cancellationToken);
        ComparisonTable.Write(stdout, scenario, results);
        stdout.WriteLine($"results: {Path.Combine(output, scenario.Name)} ({watch.Elapsed.TotalSeconds:F1} s)");
        return 0;
    }

    private static IReadOnlyList<DesignSpec>? SelectDesigns(Scenario scenario, string? designName, bool compare, TextWriter stderr)
    {
        if (compare || designName is null && scenario.Protocol.Designs.Count == 1)
            return scenario.Protocol.Designs;
        if (designName is null)
            return [scenario.Protocol.Designs[0]];
        var design = scenario.Protocol.Designs.FirstOrDefault(d => d.Name == designName);
        if (design is null)
        {
            stderr.WriteLine($"error: {scenario.SourcePath}: no design named '{designName}' (designs: {string.Join(", ", scenario.Protocol.Designs.Select(d => d.Name))})");
            return null;
        }
        return [design];
    }
}
