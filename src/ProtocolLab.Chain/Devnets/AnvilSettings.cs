using System.Numerics;
using ProtocolLab.Chain.Rpc;

namespace ProtocolLab.Chain.Devnets;

/// <summary>
/// What a run changes on an anvil someone else runs, captured before and put back after, however
/// the run ends: its state (a snapshot), automine, auto-impersonation, the next block's base fee and
/// the block gas limit.
/// </summary>
public sealed record AnvilSettings(string Snapshot, bool Automine, bool AutoImpersonate, BigInteger NextBaseFee, ulong BlockGasLimit)
{
    private const string Stranger = "0x000000000000000000000000000000000000dEaD";

    public static async Task<AnvilSettings> CaptureAsync(IDevnet node, CancellationToken cancellationToken)
    {
        var automine = (await node.Rpc.CallAsync("anvil_getAutomine", cancellationToken).ConfigureAwait(false)).GetBoolean();
        var environment = (await node.Rpc.CallAsync("anvil_nodeInfo", cancellationToken).ConfigureAwait(false)).GetProperty("environment");
        var baseFee = RpcJson.BigQuantity(environment.GetProperty("baseFee"));
        var gasLimit = RpcJson.Quantity(environment.GetProperty("gasLimit"));
        var impersonating = await AutoImpersonatesAsync(node, cancellationToken).ConfigureAwait(false);
        var snapshot = await node.Dev.SnapshotAsync(cancellationToken).ConfigureAwait(false);
        return new AnvilSettings(snapshot, automine, impersonating, baseFee, gasLimit);
    }

    /// <summary>
    /// Back to the snapshot and the settings; never cancelled, since an interrupted run must restore too.
    /// A run stopped between its sends and its evm_mine leaves transactions in the pool, which a node
    /// that automines would mine the moment automine is back: the pool is emptied first.
    /// </summary>
    public async Task RestoreAsync(IDevnet node)
    {
        await node.Rpc.CallAsync("anvil_dropAllTransactions", CancellationToken.None).ConfigureAwait(false);
        if (!await node.Dev.RevertAsync(Snapshot, CancellationToken.None).ConfigureAwait(false))
            throw new Contracts.UnexpectedNodeAnswerException($"{node.RpcUrl}: evm_revert to the snapshot {Snapshot} taken before the run failed; the node keeps the run's blocks");
        await node.Dev.SetAutoImpersonateAsync(AutoImpersonate, CancellationToken.None).ConfigureAwait(false);
        await node.Dev.SetBlockGasLimitAsync(BlockGasLimit, CancellationToken.None).ConfigureAwait(false);
        await node.Dev.SetNextBlockBaseFeePerGasAsync(NextBaseFee, CancellationToken.None).ConfigureAwait(false);
        await node.Rpc.CallAsync("anvil_dropAllTransactions", CancellationToken.None).ConfigureAwait(false);
        await node.Dev.SetAutomineAsync(Automine, CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>
    /// anvil has no getter for --auto-impersonate: a send from a stranger with too little gas is refused
    /// either way, "intrinsic gas too low" when anvil would sign for it and "No Signer available" when not.
    /// </summary>
    private static async Task<bool> AutoImpersonatesAsync(IDevnet node, CancellationToken cancellationToken)
    {
        try
        {
            await node.Rpc.CallAsync("eth_sendTransaction", [RpcValue.RawJson($$"""{"from":"{{Stranger}}","to":"{{Stranger}}","gas":"0x1"}""")], cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RpcErrorException e)
        {
            return !e.RpcMessage.Contains("signer", StringComparison.OrdinalIgnoreCase);
        }
    }
}
