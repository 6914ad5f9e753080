using System.CommandLine;
using System.Diagnostics;
using ProtocolLab.Chain.Rpc;
using ProtocolLab.Cli.Check;
using ProtocolLab.Simulation.Engine;
using ProtocolLab.Simulation.Runs;
using ProtocolLab.Simulation.Scenarios;

namespace ProtocolLab.Cli.Commands;

/// <summary>`check`: the CI gate. Runs scenarios, holds their results to a budget file, exits 0, 1 or 2.</summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var scenarios = new Argument<FileInfo[]>("scenario")
        {
            Description = "Scenario files (YAML) to run with every design, e.g. scenarios/crash-30.yaml",
            // Checked in the action, not by the parser: a parse error exits 1, which here means "budget exceeded".
            Arity = ArgumentArity.ZeroOrMore,
        };
        var budget = new Option<FileInfo>("--budget", "-b")
        {
            Description = "Budget file (YAML): limits per scenario, design, metric and statistic (required)",
        };
        var junit = new Option<FileInfo?>("--junit") { Description = "Also write the checks as JUnit XML to this file, for CI test reports" };
        var output = CliOptions.Output();
        var json = CliOptions.Json();
        var quiet = CliOptions.Quiet();
        var rpcUrl = CliOptions.RpcUrl();
        var allowPublic = CliOptions.AllowPublicChain();
        var allowWarnings = new Option<bool>("--allow-warnings")
        {
            Description = "Pass even when a run's world was degenerate (its oracle never saw the crash, nothing traded); such warnings fail the gate otherwise",
        };
        var command = new Command(
            "check",
            "Run scenarios and check their metrics against budgets: exit 0 when every budget holds, 1 when one is exceeded, 2 on an error.\n\n"
            + "Example:\n  protocollab check scenarios/crash-30.yaml --budget scenarios/budgets.yaml --junit results/junit.xml")
        {
            scenarios, budget, junit, output, json, quiet,
        };
        command.Options.Add(rpcUrl);
        command.Options.Add(allowPublic);
        command.Options.Add(allowWarnings);
        var seeds = CliOptions.Seeds();
        command.Options.Add(seeds);
        command.SetAction((parse, ct) =>
        {
            if (!CliOptions.TryParseRpcUrl(parse.GetValue(rpcUrl), out var url) || !CliOptions.CheckOutput(parse.GetValue(output)!))
                return Task.FromResult(ExitCodes.Error);
            var backend = new RunnerOptions { OutputDirectory = parse.GetValue(output)!.FullName, RpcUrl = url, AllowPublicChain = parse.GetValue(allowPublic) };
            return ExecuteAsync(
                parse.GetValue(scenarios) ?? [], parse.GetValue(budget), parse.GetValue(junit), backend, parse.GetValue(json), parse.GetValue(quiet),
                parse.GetValue(allowWarnings), parse.GetValue(seeds), ct);
        });
        return command;
    }

    private static async Task<int> ExecuteAsync(
        FileInfo[] files, FileInfo? budgetFile, FileInfo? junit, RunnerOptions backend, bool json, bool quiet, bool allowWarnings, int? seeds, CancellationToken cancellationToken)
    {
        if (files.Length == 0 || budgetFile is null)
        {
            Console.Error.WriteLine($"error: check needs {(files.Length == 0 ? "at least one scenario file" : "--budget <file>")} (protocollab check --help)");
            return ExitCodes.Error;
        }
        if (LoadScenarios(files, seeds) is not { } scenarios || LoadBudgets(budgetFile, scenarios) is not { } budgets)
            return ExitCodes.Error;

        var checkedScenarios = new List<(CheckedScenario Scenario, IReadOnlyList<BudgetCheck> Checks)>();
        foreach (var (file, scenario) in scenarios)
        {
            var ran = await RunAsync(file, scenario, backend, quiet, cancellationToken);
            checkedScenarios.Add((ran, BudgetEvaluator.Evaluate(ran, budgets)));
            if (ran.RunError is not null)
                break;
        }

        var checks = checkedScenarios.SelectMany(s => s.Checks).ToList();
        var failedRun = checkedScenarios.Any(s => s.Scenario.RunError is not null);
        var exitCode = failedRun ? ExitCodes.Error : BudgetEvaluator.ExitCode(checks);
        var warnings = checkedScenarios.Sum(s => s.Scenario.Results.Sum(d => d.Warnings.Count));
        var warningsFail = warnings > 0 && !allowWarnings && exitCode == ExitCodes.Ok;
        if (warningsFail)
            exitCode = ExitCodes.BudgetExceeded;
        if (junit is not null)
            JUnitReport.Write(junit.FullName, JUnitReport.Build(budgetFile.ToString(), checkedScenarios));
        if (json)
        {
            CheckJson.Write(Console.Out, budgetFile.ToString(), checkedScenarios, exitCode);
            return exitCode;
        }

        foreach (var (scenario, scenarioChecks) in checkedScenarios)
        {
            var runs = scenario.Results.FirstOrDefault()?.Runs.Count ?? 0;
            Console.Out.WriteLine($"{scenario.Name}: {runs} run{(runs == 1 ? "" : "s")}, seed {scenario.Seed}, results: {Path.Combine(backend.OutputDirectory, scenario.Name)} ({scenario.Elapsed.TotalSeconds:F1} s)");
            foreach (var check in scenarioChecks)
                Console.Out.WriteLine(check.Message);
            foreach (var design in scenario.Results)
            {
                foreach (var warning in design.Warnings)
                    Console.Out.WriteLine($"WARN {scenario.Name}/{design.Design.Name} {warning}");
            }
        }
        var failed = checks.Count(c => c.Status == BudgetStatus.Fail);
        var errors = checks.Count(c => c.Status == BudgetStatus.Error);
        var verdict = exitCode switch
        {
            ExitCodes.Ok => "all budgets hold",
            ExitCodes.BudgetExceeded when warningsFail => $"but {warnings} degenerate-world warning{(warnings == 1 ? "" : "s")} (pass --allow-warnings to accept)",
            ExitCodes.BudgetExceeded => $"{failed} exceeded",
            _ => failedRun ? "a scenario did not complete" : $"{errors} could not be checked",
        };
        var report = junit is null ? "" : $", junit: {junit}";
        Console.Out.WriteLine($"check: {checks.Count(c => c.Status == BudgetStatus.Pass)} of {checks.Count} budgets passed, {verdict} (budgets: {budgetFile}{report})");
        return exitCode;
    }

    private static List<(FileInfo File, Scenario Scenario)>? LoadScenarios(FileInfo[] files, int? seeds)
    {
        var loaded = new List<(FileInfo, Scenario)>();
        var ok = true;
        foreach (var file in files)
        {
            if (ScenarioFile.Load(file.FullName, file.ToString()) is { } scenario && CliOptions.WithSeeds(scenario, seeds) is { } withSeeds)
                loaded.Add((file, withSeeds));
            else
                ok = false;
        }
        foreach (var duplicate in loaded.GroupBy(s => s.Item2.Name).Where(g => g.Count() > 1))
        {
            // Results go to <output>/<name>/, and budgets select scenarios by name: two would collide.
            Console.Error.WriteLine($"error: {string.Join(" and ", duplicate.Select(s => s.Item1.ToString()))} are both named '{duplicate.Key}'");
            ok = false;
        }
        return ok ? loaded : null;
    }

    private static IReadOnlyList<Budget>? LoadBudgets(FileInfo file, List<(FileInfo File, Scenario Scenario)> scenarios)
    {
        if (!file.Exists)
        {
            Console.Error.WriteLine($"error: {file}: no such budget file");
            return null;
        }
        IReadOnlyList<Budget> budgets;
        try
        {
            budgets = BudgetFileParser.Load(file.FullName, file.ToString());
        }
        catch (BudgetFileException e)
        {
            foreach (var error in e.Errors)
                Console.Error.WriteLine($"error: {error}");
            return null;
        }
        var scope = scenarios.Select(s => new ScenarioDesigns(s.Scenario.Name, s.Scenario.Protocol.Designs.Select(d => d.Name).ToList())).ToList();
        var errors = BudgetScope.Validate(budgets, scope);
        foreach (var error in errors)
            Console.Error.WriteLine($"error: {error}");
        return errors.Count == 0 ? budgets : null;
    }

    private static async Task<CheckedScenario> RunAsync(FileInfo file, Scenario scenario, RunnerOptions backend, bool quiet, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        using var progress = quiet ? null : new ProgressDisplay(Console.Error);
        var runner = new ScenarioRunner(backend with { Progress = progress });
        var folder = Path.Combine(backend.OutputDirectory, scenario.Name);
        try
        {
            var results = await runner.RunAsync(scenario, scenario.Protocol.Designs, cancellationToken);
            return new CheckedScenario(scenario.Name, scenario.Seed, file.ToString(), results, watch.Elapsed);
        }
        catch (DevnetStoppedException e)
        {
            var message = $"the devnet stopped answering: {e.Message} (results written so far are in {folder})";
            Console.Error.WriteLine($"error: {message}");
            return new CheckedScenario(scenario.Name, scenario.Seed, file.ToString(), [], watch.Elapsed, message);
        }
    }
}
