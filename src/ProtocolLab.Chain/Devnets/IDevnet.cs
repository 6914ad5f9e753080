using ProtocolLab.Chain.Hex;
using ProtocolLab.Chain.Rpc;

namespace ProtocolLab.Chain.Devnets;

/// <summary>A running chain the harness talks to. Disposing it stops the chain if the harness started it.</summary>
public interface IDevnet : IAsyncDisposable
{
    /// <summary>"anvil", "hardhat" or "external".</summary>
    string Name { get; }

    Uri RpcUrl { get; }

    ulong ChainId { get; }

    /// <summary>The node's unlocked accounts (eth_accounts), funded on a local devnet.</summary>
    IReadOnlyList<Address> Accounts { get; }

    JsonRpcClient Rpc { get; }

    EthClient Eth { get; }

    DevClient Dev { get; }

    /// <summary>Where the node's output goes; null when the harness did not start it.</summary>
    string? LogPath { get; }
}
