using System.Numerics;
using System.Text.Json;
using ProtocolLab.Chain.Hex;

namespace ProtocolLab.Chain.Rpc;

/// <summary>
/// Devnet cheat methods. evm_* work on anvil and Hardhat alike; the rest use the anvil_* or
/// hardhat_* name according to <see cref="Flavor"/>.
/// </summary>
public sealed class DevClient(JsonRpcClient rpc, DevFlavor flavor = DevFlavor.Anvil)
{
    public JsonRpcClient Rpc { get; } = rpc ?? throw new ArgumentNullException(nameof(rpc));

    public DevFlavor Flavor { get; } = flavor;

    private string Prefix => Flavor == DevFlavor.Hardhat ? "hardhat_" : "anvil_";

    /// <summary>Mines <paramref name="blocks"/> blocks now, with whatever the pool holds.</summary>
    public Task MineAsync(ulong blocks = 1, CancellationToken cancellationToken = default) =>
        blocks == 1
            ? Rpc.CallAsync("evm_mine", cancellationToken)
            : Rpc.CallAsync(Prefix + "mine", [RpcValue.Quantity(blocks)], cancellationToken);

    public Task SetAutomineAsync(bool enabled, CancellationToken cancellationToken = default) =>
        Rpc.CallAsync("evm_setAutomine", [enabled], cancellationToken);

    /// <summary>Mines on a timer; <see cref="TimeSpan.Zero"/> turns interval mining off.</summary>
    public Task SetIntervalMiningAsync(TimeSpan interval, CancellationToken cancellationToken = default)
    {
        // anvil counts seconds, Hardhat milliseconds.
        var amount = Flavor == DevFlavor.Hardhat ? (ulong)interval.TotalMilliseconds : (ulong)interval.TotalSeconds;
        return Rpc.CallAsync("evm_setIntervalMining", [RpcValue.RawJson(amount.ToString(System.Globalization.CultureInfo.InvariantCulture))], cancellationToken);
    }

    public Task SetNextBlockTimestampAsync(ulong unixSeconds, CancellationToken cancellationToken = default) =>
        Rpc.CallAsync("evm_setNextBlockTimestamp", [RpcValue.Quantity(unixSeconds)], cancellationToken);

    /// <summary>Saves the whole chain state; the id is single use (a revert consumes it).</summary>
    public async Task<string> SnapshotAsync(CancellationToken cancellationToken = default) =>
        RpcJson.Text(await Rpc.CallAsync("evm_snapshot", cancellationToken).ConfigureAwait(false));

    /// <summary>Restores a snapshot; false when the id is unknown.</summary>
    public async Task<bool> RevertAsync(string snapshotId, CancellationToken cancellationToken = default) =>
        (await Rpc.CallAsync("evm_revert", [snapshotId], cancellationToken).ConfigureAwait(false)).ValueKind == JsonValueKind.True;

    public Task SetBalanceAsync(Address address, BigInteger wei, CancellationToken cancellationToken = default) =>
        Rpc.CallAsync(Prefix + "setBalance", [address, RpcValue.Quantity(wei)], cancellationToken);

    public Task ImpersonateAccountAsync(Address address, CancellationToken cancellationToken = default) =>
        Rpc.CallAsync(Prefix + "impersonateAccount", [address], cancellationToken);

    public Task StopImpersonatingAccountAsync(Address address, CancellationToken cancellationToken = default) =>
        Rpc.CallAsync(Prefix + "stopImpersonatingAccount", [address], cancellationToken);

    /// <summary>anvil only: let eth_sendTransaction come from any address.</summary>
    public Task SetAutoImpersonateAsync(bool enabled, CancellationToken cancellationToken = default) =>
        Flavor == DevFlavor.Anvil
            ? Rpc.CallAsync("anvil_autoImpersonateAccount", [enabled], cancellationToken)
            : throw new NotSupportedException("Hardhat has no auto-impersonation; impersonate each sender with ImpersonateAccountAsync");

    public Task SetBlockGasLimitAsync(ulong gasLimit, CancellationToken cancellationToken = default) =>
        Rpc.CallAsync("evm_setBlockGasLimit", [RpcValue.Quantity(gasLimit)], cancellationToken);

    public Task SetNextBlockBaseFeePerGasAsync(BigInteger wei, CancellationToken cancellationToken = default) =>
        Rpc.CallAsync(Prefix + "setNextBlockBaseFeePerGas", [RpcValue.Quantity(wei)], cancellationToken);
}
