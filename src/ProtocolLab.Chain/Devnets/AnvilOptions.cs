using System.Numerics;
using ProtocolLab.Chain.Rpc;

namespace ProtocolLab.Chain.Devnets;

/// <summary>How anvil orders its pool: by tip (anvil's default) or first in, first out.</summary>
public enum TransactionOrder
{
    Fees,
    Fifo,
}

public sealed record AnvilOptions
{
    /// <summary>The anvil binary; when null, $PROTOCOLLAB_ANVIL, then the repo's node_modules copy.</summary>
    public string? AnvilPath { get; init; }

    /// <summary>Where to look for node_modules; when null, found by walking up from the app's folder.</summary>
    public string? RepoRoot { get; init; }

    public int Accounts { get; init; } = 10;

    public BigInteger BalanceEther { get; init; } = 10_000;

    public ulong ChainId { get; init; } = 31337;

    public TransactionOrder Order { get; init; } = TransactionOrder.Fees;

    /// <summary>False starts anvil with --no-mining: blocks come only from evm_mine.</summary>
    public bool Automine { get; init; } = true;

    public ulong? BlockGasLimit { get; init; }

    public BigInteger? BaseFeePerGas { get; init; }

    /// <summary>Let eth_sendTransaction come from any address, signed by anvil.</summary>
    public bool AutoImpersonate { get; init; }

    /// <summary>Keeps anvil from logging every request and transaction (--quiet).</summary>
    public bool Quiet { get; init; } = true;

    /// <summary>Where anvil's output goes; default a file under the temp folder.</summary>
    public string? LogPath { get; init; }

    public TimeSpan StartupTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public IReadOnlyList<string> ExtraArguments { get; init; } = [];

    public JsonRpcClientOptions? Rpc { get; init; }
}
