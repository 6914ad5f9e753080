using System.CommandLine;

namespace ProtocolLab.Cli.Commands;

/// <summary>Arguments and options several commands share.</summary>
internal static class CliOptions
{
    public static Argument<FileInfo> Scenario() => new("scenario")
    {
        Description = "A scenario file (YAML), e.g. scenarios/crash-30.yaml",
    };

    public static Option<DirectoryInfo> Output() => new("--output", "-o")
    {
        Description = "Folder for results (per-block JSON lines, CSV, summaries, report)",
        DefaultValueFactory = _ => new DirectoryInfo("results"),
    };

    public static Option<bool> Json() => new("--json")
    {
        Description = "Print the result as JSON on stdout instead of a table",
    };

    public static Option<string?> RpcUrl() => new("--rpc-url")
    {
        Description = "Run on an anvil you started instead of the embedded one (snapshotted first, reverted after)",
    };

    /// <summary>The --rpc-url value as an http(s) URL; false (and a one-line error printed) for anything else.</summary>
    public static bool TryParseRpcUrl(string? text, out Uri? url)
    {
        url = null;
        if (text is null)
            return true;
        if (Uri.TryCreate(text, UriKind.Absolute, out url) && url.Scheme is "http" or "https")
            return true;
        Console.Error.WriteLine($"error: --rpc-url: expected an http(s) URL such as http://127.0.0.1:8545, found \"{text}\"");
        return false;
    }

    /// <summary>
    /// Whether results can be written under <paramref name="output"/>, checked before anything runs so
    /// a bad --output does not cost a whole run; false (and a one-line error printed) when not.
    /// </summary>
    public static bool CheckOutput(DirectoryInfo output)
    {
        var path = output.ToString();
        if (File.Exists(output.FullName))
            return Refuse($"--output {path}: is a file, expected a folder for the results");
        // Nothing is created yet (a run refused later must leave no folder): the nearest existing folder must take files.
        var existing = output;
        while (existing is { Exists: false } && !File.Exists(existing.FullName))
            existing = existing.Parent;
        if (existing is null || File.Exists(existing.FullName))
            return Refuse($"--output {path}: {existing?.FullName ?? "its root"} is not a folder, so the results folder cannot be made");
        try
        {
            var probe = Path.Combine(existing.FullName, $".protocollab-write-test-{Environment.ProcessId}");
            File.WriteAllText(probe, "");
            File.Delete(probe);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Refuse($"--output {path}: cannot write results there ({e.Message})");
        }
    }

    private static bool Refuse(string message)
    {
        Console.Error.WriteLine($"error: {message}");
        return false;
    }

    public static Option<bool> AllowPublicChain() => new("--allow-public-chain")
    {
        Description = "Let --rpc-url point at a public network's chain id (refused otherwise)",
    };

    public static Option<int?> Seeds() => new("--seeds")
    {
        Description = "Run N seeds instead of the scenario's runs: each run draws its population, price path and agents from its own streams of the seed",
    };

    /// <summary>The scenario with --seeds applied; null (and a one-line error printed) for a count out of range.</summary>
    public static Simulation.Scenarios.Scenario? WithSeeds(Simulation.Scenarios.Scenario scenario, int? seeds)
    {
        if (seeds is null)
            return scenario;
        if (seeds is >= 1 and <= 10_000)
            return scenario with { Runs = seeds.Value };
        Console.Error.WriteLine($"error: --seeds: expected a whole number from 1 to 10000, found {seeds}");
        return null;
    }

    public static Option<bool> Quiet() => new("--quiet", "-q")
    {
        Description = "No progress output; only the result (and errors)",
    };
}
