using System.CommandLine;
using ProtocolLab.Chain.Devnets;
using ProtocolLab.Cli.Bench;

namespace ProtocolLab.Cli.Commands;

/// <summary>`bench`: speed and memory as ratios against baselines measured in the same run.</summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var scenario = new Option<FileInfo>("--scenario")
        {
            Description = "The crash to scale up for the simulation benchmark",
            DefaultValueFactory = _ => new FileInfo(Path.Combine("scenarios", "crash-30.yaml")),
        };
        var borrowers = new Option<int>("--borrowers") { Description = "Borrowers in the compare benchmark", DefaultValueFactory = _ => 1_000 };
        var large = new Option<int>("--large") { Description = "Borrowers in the memory / long-run benchmark (0 skips it)", DefaultValueFactory = _ => 10_000 };
        var chainOnly = new Option<bool>("--chain-only") { Description = "Only the chain layer against the raw JSON-RPC floor" };
        var command = new Command("bench", "Measure the chain layer and the simulation against a raw batched JSON-RPC floor measured in the same run.\n\nExample:\n  protocollab bench --borrowers 1000 --large 10000")
        {
            scenario, borrowers, large, chainOnly,
        };
        command.SetAction(async (parse, ct) =>
        {
            var root = RepoRoot.Find();
            var (floor, api) = await new ChainBenchmark(root).RunAsync(ct);
            Console.Out.WriteLine($"chain layer: floor {floor.TxPerSecond:F0} tx/s (raw JSON batches of 500), BatchSender {api.TxPerSecond:F0} tx/s: {api.TxPerSecond / floor.TxPerSecond:F2}x the floor (target >= 0.85x)");
            if (parse.GetValue(chainOnly))
                return ExitCodes.Ok;
            var file = parse.GetValue(scenario)!;
            if (ScenarioFile.Load(file.FullName, file.ToString()) is not { } loaded)
                return ExitCodes.Error;
            await new SimulationBenchmark(root, loaded, floor.TxPerSecond).RunAsync(parse.GetValue(borrowers), parse.GetValue(large), Console.Out, ct);
            return ExitCodes.Ok;
        });
        return command;
    }
}
