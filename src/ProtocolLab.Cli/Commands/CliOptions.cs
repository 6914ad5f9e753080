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

    public static Option<bool> AllowPublicChain() => new("--allow-public-chain")
    {
        Description = "Let --rpc-url point at a public network's chain id (refused otherwise)",
    };

    public static Option<bool> Quiet() => new("--quiet", "-q")
    {
        Description = "No progress output; only the result (and errors)",
    };
}
