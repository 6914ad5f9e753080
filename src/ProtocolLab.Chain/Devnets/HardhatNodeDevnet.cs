using System.Globalization;
using ProtocolLab.Chain.Rpc;

namespace ProtocolLab.Chain.Devnets;

/// <summary>
/// `hardhat node` on 127.0.0.1, run with the repo's node_modules/.bin first on PATH (Hardhat 3
/// needs the Node 22 installed there). Hardhat spawns node children, so dispose kills the tree.
/// </summary>
public sealed class HardhatNodeDevnet : ProcessDevnet
{
    private HardhatNodeDevnet(DevnetProcess process, Uri url, JsonRpcClient rpc, ulong chainId, IReadOnlyList<Hex.Address> accounts)
        : base("hardhat", process, url, rpc, chainId, accounts, DevFlavor.Hardhat)
    {
    }

    public static async Task<HardhatNodeDevnet> StartAsync(HardhatNodeOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new HardhatNodeOptions();
        var root = options.RepoRoot ?? RepoRoot.Find();
        var bin = Path.Combine(root, "node_modules", ".bin");
        var hardhat = Path.Combine(bin, "hardhat");
        if (!File.Exists(hardhat))
            throw new DevnetBinaryNotFoundException(
                $"hardhat not found at {hardhat}: run `dotnet build` in the repo root, which installs the npm packages");

        var environment = new Dictionary<string, string>
        {
            ["PATH"] = bin + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH"),
            // No interactive prompts (telemetry consent) in a harness.
            ["CI"] = "true",
        };
        var launch = new DevnetLauncher.Launch(
            "hardhat",
            hardhat,
            port => ["node", "--hostname", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture), .. options.ExtraArguments],
            options.LogPath,
            options.StartupTimeout,
            root,
            environment);
        var (process, url, rpc, chainId, accounts) = await LaunchAsync(launch, options.Rpc, cancellationToken).ConfigureAwait(false);
        return new HardhatNodeDevnet(process, url, rpc, chainId, accounts);
    }
}
