using System.CommandLine;
using ProtocolLab.Cli.Commands;

namespace ProtocolLab.Cli;

internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var root = new RootCommand("ProtocolLab: liquidation cascades of real Solidity protocols on a local devnet, fixed versus dynamic margin.")
        {
            SimulateCommand.Compare(),
            SimulateCommand.Run(),
            ScenarioFile.Validate(),
            BenchCommand.Create(),
            CheckCommand.Create(),
        };
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            // A usage mistake is an error (2), never "budget exceeded" (1), which CI gates read.
            foreach (var error in parse.Errors)
                Console.Error.WriteLine($"error: {error.Message}");
            Console.Error.WriteLine("see 'protocollab --help' or 'protocollab <command> --help'");
            return ExitCodes.Error;
        }
        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("error: interrupted; results written so far are kept");
            return ExitCodes.Error;
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException or Chain.Rpc.RpcException or Chain.Artifacts.ArtifactException or Chain.Devnets.DevnetStartException or Chain.Devnets.ExternalChainRefusedException)
        {
            // Expected failures (bad set-up, a devnet that died, a file that cannot be written) are one line, not a stack trace.
            Console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.Error;
        }
    }
}
