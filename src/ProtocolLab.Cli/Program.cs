using System.CommandLine;
using ProtocolLab.Cli.Commands;

namespace ProtocolLab.Cli;

internal static class Program
{
    public static Task<int> Main(string[] args)
    {
        var root = new RootCommand("ProtocolLab: liquidation cascades of real Solidity protocols on a local devnet, fixed versus dynamic margin.")
        {
            SimulateCommand.Compare(),
            SimulateCommand.Run(),
            ScenarioFile.Validate(),
            BenchCommand.Create(),
        };
        return root.Parse(args).InvokeAsync();
    }
}
