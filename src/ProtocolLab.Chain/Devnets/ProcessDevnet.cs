using ProtocolLab.Chain.Hex;
using ProtocolLab.Chain.Rpc;

namespace ProtocolLab.Chain.Devnets;

/// <summary>A devnet whose node process the harness started and owns: disposing kills the whole process tree.</summary>
public abstract class ProcessDevnet : IDevnet
{
    private readonly DevnetProcess _process;

    private protected ProcessDevnet(
        string name, DevnetProcess process, Uri rpcUrl, JsonRpcClient rpc, ulong chainId, IReadOnlyList<Address> accounts, DevFlavor flavor)
    {
        Name = name;
        _process = process;
        RpcUrl = rpcUrl;
        Rpc = rpc;
        ChainId = chainId;
        Accounts = accounts;
        Eth = new EthClient(rpc);
        Dev = new DevClient(rpc, flavor);
    }

    public string Name { get; }

    public Uri RpcUrl { get; }

    public ulong ChainId { get; }

    public IReadOnlyList<Address> Accounts { get; }

    public JsonRpcClient Rpc { get; }

    public EthClient Eth { get; }

    public DevClient Dev { get; }

    public string? LogPath => _process.LogPath;

    public int ProcessId => _process.Id;

    /// <summary>The command-line arguments the node was started with.</summary>
    public IReadOnlyList<string> Arguments => _process.Arguments;

    public bool HasExited => _process.HasExited;

    public string LogTail(int lines = 30) => _process.LogTail(lines);

    /// <summary>Kills the node now, as a crash would; later RPC calls raise <see cref="RpcTransportException"/>.</summary>
    public void Kill() => _process.Kill();

    public ValueTask DisposeAsync()
    {
        _process.Kill();
        Rpc.Dispose();
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    private protected static async Task<(DevnetProcess, Uri, JsonRpcClient, ulong, IReadOnlyList<Address>)> LaunchAsync(
        DevnetLauncher.Launch launch, JsonRpcClientOptions? rpcOptions, CancellationToken cancellationToken)
    {
        var (process, url, chainId) = await DevnetLauncher.StartAsync(launch, cancellationToken).ConfigureAwait(false);
        var rpc = new JsonRpcClient(url, rpcOptions);
        try
        {
            var accounts = await new EthClient(rpc).AccountsAsync(cancellationToken).ConfigureAwait(false);
            return (process, url, rpc, chainId, accounts);
        }
        catch
        {
            rpc.Dispose();
            process.Kill();
            throw;
        }
    }
}
