using System.Numerics;
using System.Text.Json;
using ProtocolLab.Chain.Hex;

namespace ProtocolLab.Chain.Rpc;

/// <summary>Typed eth_* calls over a <see cref="JsonRpcClient"/>; quantities come back parsed.</summary>
public sealed class EthClient(JsonRpcClient rpc)
{
    public JsonRpcClient Rpc { get; } = rpc ?? throw new ArgumentNullException(nameof(rpc));

    public async Task<ulong> ChainIdAsync(CancellationToken cancellationToken = default) =>
        RpcJson.Quantity(await Rpc.CallAsync("eth_chainId", cancellationToken).ConfigureAwait(false));

    public async Task<ulong> BlockNumberAsync(CancellationToken cancellationToken = default) =>
        RpcJson.Quantity(await Rpc.CallAsync("eth_blockNumber", cancellationToken).ConfigureAwait(false));

    public async Task<IReadOnlyList<Address>> AccountsAsync(CancellationToken cancellationToken = default)
    {
        var result = await Rpc.CallAsync("eth_accounts", cancellationToken).ConfigureAwait(false);
        var accounts = new List<Address>(result.GetArrayLength());
        foreach (var account in result.EnumerateArray())
            accounts.Add(RpcJson.Address(account));
        return accounts;
    }

    public async Task<BigInteger> GetBalanceAsync(Address address, BlockTag block = default, CancellationToken cancellationToken = default) =>
        RpcJson.BigQuantity(await Rpc.CallAsync("eth_getBalance", [address, block], cancellationToken).ConfigureAwait(false));

    /// <summary>The account nonce; pass <see cref="BlockTag.Pending"/> to count transactions still in the pool.</summary>
    public async Task<ulong> GetTransactionCountAsync(Address address, BlockTag block = default, CancellationToken cancellationToken = default) =>
        RpcJson.Quantity(await Rpc.CallAsync("eth_getTransactionCount", [address, block], cancellationToken).ConfigureAwait(false));

    /// <summary>eth_call; a revert raises <see cref="RpcErrorException"/> whose RevertData holds the revert bytes.</summary>
    public async Task<byte[]> CallAsync(TransactionRequest call, BlockTag block = default, CancellationToken cancellationToken = default) =>
        RpcJson.Data(await Rpc.CallAsync(CallRequest(call, block), cancellationToken).ConfigureAwait(false));

    public async Task<ulong> EstimateGasAsync(TransactionRequest transaction, CancellationToken cancellationToken = default) =>
        RpcJson.Quantity(await Rpc.CallAsync("eth_estimateGas", [RpcValue.Object(transaction)], cancellationToken).ConfigureAwait(false));

    /// <summary>eth_sendTransaction: the node signs for an unlocked or impersonated sender. Returns the tx hash.</summary>
    public async Task<string> SendTransactionAsync(TransactionRequest transaction, CancellationToken cancellationToken = default) =>
        RpcJson.Text(await Rpc.CallAsync(SendRequest(transaction), cancellationToken).ConfigureAwait(false));

    /// <summary>Null while the transaction is not mined.</summary>
    public async Task<TransactionReceipt?> GetTransactionReceiptAsync(string transactionHash, CancellationToken cancellationToken = default) =>
        TransactionReceipt.ParseOptional(await Rpc.CallAsync(ReceiptRequest(transactionHash), cancellationToken).ConfigureAwait(false));

    public async Task<IReadOnlyList<LogEntry>> GetLogsAsync(LogFilter filter, CancellationToken cancellationToken = default) =>
        LogEntry.ParseList(await Rpc.CallAsync("eth_getLogs", [RpcValue.Object(filter)], cancellationToken).ConfigureAwait(false));

    /// <summary>The block with its transaction hashes; null when it does not exist.</summary>
    public async Task<Block?> GetBlockAsync(BlockTag block = default, CancellationToken cancellationToken = default) =>
        Block.ParseOptional(await Rpc.CallAsync("eth_getBlockByNumber", [block, false], cancellationToken).ConfigureAwait(false));

    public async Task<byte[]> GetCodeAsync(Address address, BlockTag block = default, CancellationToken cancellationToken = default) =>
        RpcJson.Data(await Rpc.CallAsync("eth_getCode", [address, block], cancellationToken).ConfigureAwait(false));

    internal static JsonRpcRequest SendRequest(TransactionRequest transaction) =>
        new("eth_sendTransaction", RpcValue.Object(transaction));

    internal static JsonRpcRequest CallRequest(TransactionRequest call, BlockTag block) =>
        new("eth_call", RpcValue.Object(call), block);

    internal static JsonRpcRequest ReceiptRequest(string transactionHash) =>
        new("eth_getTransactionReceipt", transactionHash);

    internal static JsonRpcRequest TransactionCountRequest(Address address, BlockTag block) =>
        new("eth_getTransactionCount", address, block);
}
