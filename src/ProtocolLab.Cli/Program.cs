using ProtocolLab.Chain.Devnets;
using ProtocolLab.Cli.Bench;

namespace ProtocolLab.Cli;

internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var root = RepoRoot.Find();
        var (floor, api) = await new ChainBenchmark(root).RunAsync(CancellationToken.None);
        Console.WriteLine($"{floor.Name}: {floor.TxPerSecond:F0} tx/s; {api.Name}: {api.TxPerSecond:F0} tx/s; ratio {api.TxPerSecond / floor.TxPerSecond:F2}x");
        return 0;
    }
}
