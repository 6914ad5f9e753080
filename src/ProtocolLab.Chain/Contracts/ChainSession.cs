using ProtocolLab.Chain.Abi;
using ProtocolLab.Chain.Hex;
using ProtocolLab.Chain.Rpc;

namespace ProtocolLab.Chain.Contracts;

/// <summary>
/// Everything a contract binding needs to talk to one chain: the RPC clients, one nonce manager
/// (shared by single sends and batches, so they never race), and the custom errors of every
/// contract deployed or bound so far, for decoding reverts.
/// </summary>
public sealed class ChainSession
{
    public ChainSession(JsonRpcClient rpc, DevFlavor flavor = DevFlavor.Anvil, int batchSize = 500)
    {
        Rpc = rpc;
        Eth = new EthClient(rpc);
        Dev = new DevClient(rpc, flavor);
        Nonces = new NonceManager(rpc);
        Batches = new BatchSender(rpc, Nonces, new BatchSenderOptions { BatchSize = batchSize });
        Reads = new ReadBatch(rpc, batchSize);
    }

    public JsonRpcClient Rpc { get; }

    public EthClient Eth { get; }

    public DevClient Dev { get; }

    public NonceManager Nonces { get; }

    public BatchSender Batches { get; }

    public ReadBatch Reads { get; }

    public AbiErrorRegistry Errors { get; } = new();

    private long _transactionsSent;

    /// <summary>Transactions sent through this session (single sends and mined batches), for benchmarks.</summary>
    public long TransactionsSent => Interlocked.Read(ref _transactionsSent);

    internal void CountSent(int count) => Interlocked.Add(ref _transactionsSent, count);

    /// <summary>When set, every block mined through this session gets the clock's next timestamp.</summary>
    public BlockClock? Clock { get; set; }

    /// <summary>Mines one block, stamped by <see cref="Clock"/> when there is one.</summary>
    public async Task MineBlockAsync(CancellationToken cancellationToken = default)
    {
        if (Clock is not null)
            await Dev.SetNextBlockTimestampAsync(Clock.Next(), cancellationToken).ConfigureAwait(false);
        await Dev.MineAsync(1, cancellationToken).ConfigureAwait(false);
    }

    private readonly Lock _errorsLock = new();

    public void RegisterErrors(ContractAbi abi)
    {
        lock (_errorsLock)
            Errors.Add(abi);
    }

    /// <summary>
    /// Sends one transaction and returns its receipt. With automine off the block is mined here,
    /// so a single send behaves the same whatever the mining mode. Gas is estimated when not
    /// given, which also surfaces a revert with its decoded reason before anything is sent.
    /// </summary>
    public async Task<TransactionReceipt> SendAsync(TransactionRequest request, Address target, string function, CancellationToken cancellationToken = default)
    {
        if (request.Gas is null)
        {
            var estimate = await RunDecodingReverts(() => Eth.EstimateGasAsync(request, cancellationToken), target, function).ConfigureAwait(false);
            request = request with { Gas = estimate + (estimate / 5) };
        }
        var nonce = await Nonces.NextAsync(request.From, cancellationToken).ConfigureAwait(false);
        string hash;
        try
        {
            hash = await Eth.SendTransactionAsync(request with { Nonce = nonce }, cancellationToken).ConfigureAwait(false);
            CountSent(1);
        }
        catch (RpcException)
        {
            Nonces.Reset(request.From);
            throw;
        }
        var receipt = await Eth.GetTransactionReceiptAsync(hash, cancellationToken).ConfigureAwait(false);
        if (receipt is null)
        {
            await MineBlockAsync(cancellationToken).ConfigureAwait(false);
            receipt = await Eth.GetTransactionReceiptAsync(hash, cancellationToken).ConfigureAwait(false)
                ?? throw new UnexpectedNodeAnswerException($"{function}: transaction {hash} was not mined after evm_mine");
        }
        if (!receipt.Succeeded)
            throw await ExplainFailureAsync(request, receipt, target, function, cancellationToken).ConfigureAwait(false);
        return receipt;
    }

    /// <summary>Runs an RPC that may revert and turns revert data into a typed exception.</summary>
    public async Task<T> RunDecodingReverts<T>(Func<Task<T>> action, Address target, string function)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (RpcErrorException e) when (e.RevertData is not null || LooksLikeRevert(e))
        {
            throw new ContractRevertException(target, function, RevertDecoder.Decode(e.RevertData ?? [], Errors), e);
        }
    }

    /// <summary>A mined failure carries no revert data; replaying it as a call on the parent block recovers the reason.</summary>
    private async Task<Exception> ExplainFailureAsync(TransactionRequest request, TransactionReceipt receipt, Address target, string function, CancellationToken cancellationToken)
    {
        try
        {
            var replay = request with { Nonce = null };
            await Eth.CallAsync(replay, BlockTag.At(receipt.BlockNumber - 1), cancellationToken).ConfigureAwait(false);
        }
        catch (RpcErrorException e) when (e.RevertData is not null || LooksLikeRevert(e))
        {
            return new ContractRevertException(target, function, RevertDecoder.Decode(e.RevertData ?? [], Errors), e);
        }
        return new ContractRevertException(target, function, new RevertReason.Unknown([], $"transaction {receipt.TransactionHash} failed (gas used {receipt.GasUsed}; out of gas or state-dependent)"));
    }

    private static bool LooksLikeRevert(RpcErrorException e) =>
        e.Code == 3 || e.RpcMessage.Contains("revert", StringComparison.OrdinalIgnoreCase);
}
