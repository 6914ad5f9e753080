using System.CommandLine;
using System.Diagnostics;
using ProtocolLab.Chain.Rpc;
using ProtocolLab.Reports;
using ProtocolLab.Simulation.Engine;
using ProtocolLab.Simulation.Runs;
using ProtocolLab.Simulation.Scenarios;

namespace ProtocolLab.Cli.Commands;

/// <summary>`run` (one design) and `compare` (every design, identical seeds and paths).</summary>
internal static class SimulateCommand
{
    public static Command Run()
    {
        var scenario = CliOptions.Scenario();
        var design = new Option<string?>("--design", "-d") { Description = "Which design of the scenario to run (default: the first)" };
        var output = CliOptions.Output();
        var json = CliOptions.Json();
        var quiet = CliOptions.Quiet();
        var rpcUrl = CliOptions.RpcUrl();
        var allowPublic = CliOptions.AllowPublicChain();
        var seeds = CliOptions.Seeds();
        var command = new Command("run", "Run one margin design of a scenario on an embedded anvil.\n\nExample:\n  protocollab run scenarios/crash-30.yaml --design dynamic")
        {
            scenario, design, output, json, quiet, rpcUrl, allowPublic, seeds,
        };
        command.SetAction((parse, ct) => ExecuteAsync(
            parse.GetValue(scenario)!, parse.GetValue(design), compare: false, parse.GetValue(output)!, parse.GetValue(json), parse.GetValue(quiet),
            new Backend(parse.GetValue(rpcUrl), parse.GetValue(allowPublic)), parse.GetValue(seeds), ct));
        return command;
    }

    public static Command Compare()
    {
        var scenario = CliOptions.Scenario();
        var output = CliOptions.Output();
        var json = CliOptions.Json();
        var quiet = CliOptions.Quiet();
        var rpcUrl = CliOptions.RpcUrl();
        var allowPublic = CliOptions.AllowPublicChain();
        var seeds = CliOptions.Seeds();
        var command = new Command("compare", "Run every margin design of a scenario on identical seeds and price paths, side by side, with each design's paired difference from the first.\n\nExample:\n  protocollab compare scenarios/crash-30.yaml --seeds 30")
        {
            scenario, output, json, quiet, rpcUrl, allowPublic, seeds,
        };
        command.SetAction((parse, ct) => ExecuteAsync(
            parse.GetValue(scenario)!, null, compare: true, parse.GetValue(output)!, parse.GetValue(json), parse.GetValue(quiet),
            new Backend(parse.GetValue(rpcUrl), parse.GetValue(allowPublic)), parse.GetValue(seeds), ct));
        return command;
    }

    /// <summary>The embedded anvil when <paramref name="RpcUrl"/> is null.</summary>
    private sealed record Backend(string? RpcUrl, bool AllowPublicChain);

    private static async Task<int> ExecuteAsync(
        FileInfo file, string? designName, bool compare, DirectoryInfo output, bool json, bool quiet, Backend backend, int? seeds, CancellationToken cancellationToken)
    {
        if (ScenarioFile.Load(file.FullName, file.ToString()) is not { } loaded || CliOptions.WithSeeds(loaded, seeds) is not { } scenario)
            return ExitCodes.Error;
        var designs = SelectDesigns(scenario, designName, compare);
        if (designs is null)
            return ExitCodes.Error;

        if (!CliOptions.TryParseRpcUrl(backend.RpcUrl, out var rpcUrl) || !CliOptions.CheckOutput(output))
            return ExitCodes.Error;

        var watch = Stopwatch.StartNew();
        using var progress = quiet ? null : new ProgressDisplay(Console.Error);
        var runner = new ScenarioRunner(new RunnerOptions
        {
            OutputDirectory = output.FullName,
            Progress = progress,
            RpcUrl = rpcUrl,
            AllowPublicChain = backend.AllowPublicChain,
        });
        IReadOnlyList<DesignResult> results;
        try
        {
            results = await runner.RunAsync(scenario, designs, cancellationToken);
        }
        catch (DevnetStoppedException e)
        {
            return Fail($"the devnet stopped answering: {e.Message} (results written so far are in {Path.Combine(output.FullName, scenario.Name)})");
        }
        catch (OperationCanceledException)
        {
            return Fail($"{Interruption.What}; blocks written so far are in {Path.Combine(output.FullName, scenario.Name)}");
        }
        progress?.Dispose();

        foreach (var result in results)
        {
            foreach (var warning in result.Warnings)
                Console.Error.WriteLine($"warning: {scenario.Name}/{result.Design.Name} {warning}");
        }
        var folder = Path.Combine(output.FullName, scenario.Name);
        var report = HtmlReport.Write(Path.Combine(folder, HtmlReport.FileName), scenario, results, ReportVersions.Detect(typeof(SimulateCommand).Assembly));
        if (json)
        {
            ComparisonJson.Write(Console.Out, scenario, results, folder, report);
        }
        else
        {
            ComparisonTable.Write(Console.Out, scenario, results);
            Console.Out.WriteLine($"results: {folder} ({watch.Elapsed.TotalSeconds:F1} s)");
            Console.Out.WriteLine($"report: {report}");
        }
        return ExitCodes.Ok;
    }

    private static IReadOnlyList<DesignSpec>? SelectDesigns(Scenario scenario, string? designName, bool compare)
    {
        if (compare)
            return scenario.Protocol.Designs;
        if (designName is null)
            return [scenario.Protocol.Designs[0]];
        var design = scenario.Protocol.Designs.FirstOrDefault(d => d.Name == designName);
        if (design is not null)
            return [design];
        Fail($"{scenario.SourcePath}: no design named '{designName}' (designs: {string.Join(", ", scenario.Protocol.Designs.Select(d => d.Name))})");
        return null;
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine($"error: {message}");
        return ExitCodes.Error;
    }
}
