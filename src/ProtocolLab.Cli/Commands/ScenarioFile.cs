using System.CommandLine;
using ProtocolLab.Simulation.Scenarios;

namespace ProtocolLab.Cli.Commands;

/// <summary>Loads a scenario, printing every validation error as file:line:col: field: problem.</summary>
internal static class ScenarioFile
{
    public static Scenario? Load(string path, string displayPath)
    {
        if (!File.Exists(path))
        {
            Console.Error.WriteLine($"error: {displayPath}: no such scenario file");
            return null;
        }
        try
        {
            return ScenarioLoader.Load(path, displayPath);
        }
        catch (ScenarioLoadException e)
        {
            foreach (var error in e.Errors)
                Console.Error.WriteLine($"error: {error}");
            return null;
        }
    }

    public static Command Validate()
    {
        var scenario = CliOptions.Scenario();
        var command = new Command("validate", "Check a scenario file without running it: every error with file, line, field and what was expected.\n\nExample:\n  protocollab validate scenarios/black-thursday.yaml")
        {
            scenario,
        };
        command.SetAction(parse =>
        {
            var file = parse.GetValue(scenario)!;
            if (Load(file.FullName, file.ToString()) is not { } loaded)
                return ExitCodes.Error;
            Console.Out.WriteLine($"{file}: valid ({loaded.Protocol.Designs.Count} designs, {loaded.Runs} runs x {loaded.Blocks} blocks, hash {loaded.Hash[..12]})");
            return ExitCodes.Ok;
        });
        return command;
    }
}
