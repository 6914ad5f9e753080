using System.Globalization;
using ProtocolLab.Chain.Rpc;

namespace ProtocolLab.Chain.Devnets;

/// <summary>A local anvil node on 127.0.0.1, started from the repo's npm copy and killed on dispose.</summary>
public sealed class AnvilDevnet : ProcessDevnet
{
    public const string PathVariable = "PROTOCOLLAB_ANVIL";
    public const string RelativeBinaryPath = "node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil";

    private AnvilDevnet(DevnetProcess process, Uri url, JsonRpcClient rpc, ulong chainId, IReadOnlyList<Hex.Address> accounts)
        : base("anvil", process, url, rpc, chainId, accounts, DevFlavor.Anvil)
    {
    }

    public static async Task<AnvilDevnet> StartAsync(AnvilOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new AnvilOptions();
        var binary = ResolveBinary(options);
        var launch = new DevnetLauncher.Launch("anvil", binary, port => BuildArguments(options, port), options.LogPath, options.StartupTimeout);
        var (process, url, rpc, chainId, accounts) = await LaunchAsync(launch, options.Rpc, cancellationToken).ConfigureAwait(false);
        return new AnvilDevnet(process, url, rpc, chainId, accounts);
    }

    /// <summary>The explicit path, else $PROTOCOLLAB_ANVIL, else the copy npm installed in the repo.</summary>
    public static string ResolveBinary(AnvilOptions options)
    {
        var path = options.AnvilPath
            ?? NullIfEmpty(Environment.GetEnvironmentVariable(PathVariable))
            ?? Path.Combine(options.RepoRoot ?? RepoRoot.Find(), RelativeBinaryPath);
        if (!File.Exists(path))
            throw new DevnetBinaryNotFoundException(
                $"anvil not found at {path}: run `dotnet build` in the repo root, which installs the npm packages " +
                $"(or point {PathVariable} at an anvil binary)");
        return path;
    }

    public static IReadOnlyList<string> BuildArguments(AnvilOptions options, int port)
    {
        var args = new List<string>
        {
            // Never 0.0.0.0: the dev accounts' keys are public.
            "--host", "127.0.0.1",
            "--port", Invariant(port),
            "--accounts", Invariant(options.Accounts),
            "--balance", options.BalanceEther.ToString(CultureInfo.InvariantCulture),
            "--chain-id", Invariant(options.ChainId),
            "--order", options.Order == TransactionOrder.Fifo ? "fifo" : "fees",
            // Big batches (thousands of transactions) exceed the default 2 MB body limit.
            "--no-request-size-limit",
        };
        if (!options.Automine)
            args.Add("--no-mining");
        if (options.BlockGasLimit is { } gasLimit)
            args.AddRange(["--gas-limit", Invariant(gasLimit)]);
        if (options.BaseFeePerGas is { } baseFee)
            args.AddRange(["--block-base-fee-per-gas", baseFee.ToString(CultureInfo.InvariantCulture)]);
        if (options.AutoImpersonate)
            args.Add("--auto-impersonate");
        if (options.Quiet)
            args.Add("--quiet");
        args.AddRange(options.ExtraArguments);
        return args;
    }

    private static string Invariant(ulong value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
