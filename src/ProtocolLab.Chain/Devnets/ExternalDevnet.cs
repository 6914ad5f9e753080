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
            var chainId = await eth.ChainIdAsync(cancellationToken).ConfigureAwait(false);
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
