using System.CommandLine;
using ProtocolLab.Chain;
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
        using var interruption = new Interruption();
        try
        {
            // No termination handling of System.CommandLine's: it would exit 130/143 after 2 s, silently, mid clean-up.
            var configuration = new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };
            return await parse.InvokeAsync(configuration, interruption.Token);
        }
        catch (Exception e)
        {
            return Report(e, Console.Error);
        }
    }

    /// <summary>
    /// Expected failures (bad input, a devnet that cannot be reached or died) are one `error:` line;
    /// anything else is a bug, printed with its stack trace so it can be found.
    /// </summary>
    internal static int Report(Exception exception, TextWriter stderr)
    {
        switch (exception)
        {
            case OperationCanceledException:
                stderr.WriteLine($"error: {Interruption.What}; results written so far are kept");
                break;
            case ProtocolLabException expected:
                stderr.WriteLine($"error: {expected.Message}");
                break;
            default:
                stderr.WriteLine($"error: unexpected failure (a bug; please report it with this trace): {exception}");
                break;
        }
        return ExitCodes.Error;
    }
}
