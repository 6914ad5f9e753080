using ProtocolLab.Chain.Hex;
using ProtocolLab.Chain.Rpc;

namespace ProtocolLab.Chain.Devnets;

/// <summary>
/// A node someone else runs, reached by URL. Refuses public chains unless allowed; disposing it
/// only closes the connection.
/// </summary>
public sealed class ExternalDevnet : IDevnet
{
    private ExternalDevnet(Uri rpcUrl, JsonRpcClient rpc, ulong chainId, IReadOnlyList<Address> accounts, DevFlavor flavor)
    {
        RpcUrl = rpcUrl;
        Rpc = rpc;
        ChainId = chainId;
        Accounts = accounts;
        Eth = new EthClient(rpc);
        Dev = new DevClient(rpc, flavor);
    }

    public string Name => "external";

    public Uri RpcUrl { get; }

    public ulong ChainId { get; }

    public IReadOnlyList<Address> Accounts { get; }

    public JsonRpcClient Rpc { get; }

    public EthClient Eth { get; }

    public DevClient Dev { get; }

    public string? LogPath => null;

    public static Task<ExternalDevnet> ConnectAsync(Uri rpcUrl, bool allowPublicChain = false, CancellationToken cancellationToken = default) =>
        ConnectAsync(new JsonRpcClient(rpcUrl), allowPublicChain, cancellationToken);

    /// <summary>Over a client the caller built (e.g. with a fake handler); the devnet owns and disposes it.</summary>
    public static async Task<ExternalDevnet> ConnectAsync(JsonRpcClient rpc, bool allowPublicChain = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rpc);
        try
        {
            var eth = new EthClient(rpc);
            var chainId = await FirstAnswerAsync(eth, rpc.Url, cancellationToken).ConfigureAwait(false);
            if (!allowPublicChain && PublicChains.TryGetName(chainId, out var name))
                throw new ExternalChainRefusedException(rpc.Url, chainId, name);
            var flavor = await DetectFlavorAsync(rpc, cancellationToken).ConfigureAwait(false);
            var accounts = await TryAccountsAsync(eth, cancellationToken).ConfigureAwait(false);
            return new ExternalDevnet(rpc.Url, rpc, chainId, accounts, flavor);
        }
        catch
        {
            rpc.Dispose();
            throw;
        }
    }

    public ValueTask DisposeAsync()
    {
        Rpc.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// eth_chainId, the first call: a failure here means the URL never was a node, which is said as such
    /// (not as a devnet that stopped), naming the URL and never quoting the page a web server sent.
    /// </summary>
    private static async Task<ulong> FirstAnswerAsync(EthClient eth, Uri url, CancellationToken cancellationToken)
    {
        try
        {
            return await eth.ChainIdAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (RpcTransportException e) when (e.HttpStatus is null)
        {
            throw new NodeUnreachableException($"could not connect to {url}: {e.InnerException?.Message ?? "no answer"}. Is a node listening there?", e);
        }
        catch (RpcTimeoutException e)
        {
            throw new NodeUnreachableException($"could not connect to {url}: no answer to eth_chainId within {e.Timeout.TotalSeconds:0.#} s", e);
        }
        catch (Exception e) when (e is RpcTransportException or RpcProtocolException or RpcErrorException)
        {
            var status = e is RpcTransportException { HttpStatus: { } code } ? $"HTTP {code}" : "an answer that is not JSON-RPC";
            throw new NodeUnreachableException($"{url} does not answer as an Ethereum JSON-RPC node ({status} to eth_chainId); check the --rpc-url", e);
        }
    }

    private static async Task<DevFlavor> DetectFlavorAsync(JsonRpcClient rpc, CancellationToken cancellationToken)
    {
        try
        {
            var version = await rpc.CallAsync("web3_clientVersion", cancellationToken).ConfigureAwait(false);
            return version.GetString()?.Contains("hardhat", StringComparison.OrdinalIgnoreCase) == true ? DevFlavor.Hardhat : DevFlavor.Anvil;
        }
        catch (RpcErrorException)
        {
            return DevFlavor.Anvil;
        }
    }

    // Public RPC providers often refuse eth_accounts; that is no reason to refuse the node.
    private static async Task<IReadOnlyList<Address>> TryAccountsAsync(EthClient eth, CancellationToken cancellationToken)
    {
        try
        {
            return await eth.AccountsAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (RpcErrorException)
        {
            return [];
        }
    }
}
