namespace ProtocolLab.Chain.Devnets;

/// <summary>A devnet could not be started or did not become ready.</summary>
public class DevnetStartException(string message, Exception? inner = null) : ProtocolLabException(message, inner);

/// <summary>A URL given as a node never answered as one: nothing listens there, or something that is not a JSON-RPC node.</summary>
public sealed class NodeUnreachableException(string message, Exception? inner = null) : UserInputException(message, inner);

/// <summary>The node binary (anvil, hardhat) is not where it should be.</summary>
public sealed class DevnetBinaryNotFoundException(string message) : DevnetStartException(message);

/// <summary>An external endpoint serves a public chain and the user did not allow it.</summary>
public sealed class ExternalChainRefusedException(Uri rpcUrl, ulong chainId, string chainName)
    : UserInputException(
        $"refusing to use {rpcUrl}: it serves chain id {chainId} ({chainName}), a public network where transactions " +
        "cost real money. Use a local devnet, or pass --allow-public-chain if you really mean it.")
{
    public Uri RpcUrl { get; } = rpcUrl;

    public ulong ChainId { get; } = chainId;

    public string ChainName { get; } = chainName;
}
