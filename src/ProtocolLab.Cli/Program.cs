using ProtocolLab.Chain.Devnets;
using ProtocolLab.Cli.Bench;
using ProtocolLab.Cli.Commands;

namespace ProtocolLab.Cli;

internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        using var cts = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cts.Cancel();
        };
        if (args.Length >= 2 && args[0] is "run" or "compare")
            return await SimulateCommand.RunAsync(args[1], null, args[0] == "compare", "results", Console.Out, Console.Error, cts.Token);
        var root = RepoRoot.Find();
        var (floor, api) = await new ChainBenchmark(root).RunAsync(cts.Token);
        Console.WriteLine($"{floor.Name}: {floor.TxPerSecond:F0} tx/s; {api.Name}: {api.TxPerSecond:F0} tx/s; ratio {api.TxPerSecond / floor.TxPerSecond:F2}x");
        return 0;
    }
}
