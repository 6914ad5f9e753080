using ProtocolLab.Chain.Hex;

namespace ProtocolLab.Chain.Rpc;

public sealed record BatchSenderOptions
{
    /// <summary>Calls per HTTP request.</summary>
    public int BatchSize { get; init; } = 500;

    /// <summary>Gas for a transaction without one. Null requires every transaction to set Gas (no per-tx estimate).</summary>
    public ulong? DefaultGas { get; init; }
}

/// <summary>The outcome of one eth_sendTransaction of a batch: a hash or the node's error.</summary>
public sealed record TxSendResult(TransactionRequest Request, string? TransactionHash, RpcError? Error)
{
    public bool Succeeded => Error is null;
}

/// <summary>
/// Sends many transactions in few HTTP requests. Nonces come from the <see cref="NonceManager"/>
/// (the node cannot pick them: it runs a batch's calls concurrently); gas must be explicit.
/// </summary>
public sealed class BatchSender(JsonRpcClient rpc, NonceManager nonces, BatchSenderOptions? options = null)
{
    public JsonRpcClient Rpc { get; } = rpc ?? throw new ArgumentNullException(nameof(rpc));

    public NonceManager Nonces { get; } = nonces ?? throw new ArgumentNullException(nameof(nonces));

    public BatchSenderOptions Options { get; } = options ?? new BatchSenderOptions();

    /// <summary>
    /// Sends in order and returns one result per transaction, in order. A failed item resets its
    /// sender's nonce counter; that sender's later transactions of the same call wait in the pool
    /// behind the gap until a new transaction takes the refetched nonce.
    /// </summary>
    public async Task<IReadOnlyList<TxSendResult>> SendAsync(
        IReadOnlyList<TransactionRequest> transactions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transactions);
        var prepared = await PrepareAsync(transactions, cancellationToken).ConfigureAwait(false);
        var requests = new JsonRpcRequest[prepared.Length];
        for (var i = 0; i < prepared.Length; i++)
            requests[i] = EthClient.SendRequest(prepared[i]);

        JsonRpcResponse[] responses;
        try
        {
            responses = await BatchChunks.SendAsync(Rpc, requests, Options.BatchSize, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            foreach (var sender in prepared.Select(t => t.From).Distinct())
                Nonces.Reset(sender);
            throw;
        }

        var results = new TxSendResult[prepared.Length];
        for (var i = 0; i < prepared.Length; i++)
        {
            var response = responses[i];
            if (response.IsSuccess)
            {
                results[i] = new TxSendResult(prepared[i], RpcJson.Text(response.Result), null);
            }
            else
            {
                Nonces.Reset(prepared[i].From);
                results[i] = new TxSendResult(prepared[i], null, response.Error);
            }
        }
        return results;
    }

    /// <summary>Receipts for many hashes, batched; null where a transaction is not mined yet.</summary>
    public async Task<IReadOnlyList<TransactionReceipt?>> GetReceiptsAsync(
        IReadOnlyList<string> transactionHashes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transactionHashes);
        var requests = transactionHashes.Select(EthClient.ReceiptRequest).ToArray();
        var responses = await BatchChunks.SendAsync(Rpc, requests, Options.BatchSize, cancellationToken).ConfigureAwait(false);
        var receipts = new TransactionReceipt?[responses.Length];
        for (var i = 0; i < responses.Length; i++)
            receipts[i] = TransactionReceipt.ParseOptional(responses[i].GetResultOrThrow());
        return receipts;
    }

    private async Task<TransactionRequest[]> PrepareAsync(IReadOnlyList<TransactionRequest> transactions, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<Address, int>();
        for (var i = 0; i < transactions.Count; i++)
        {
            var tx = transactions[i] ?? throw new ArgumentException($"transaction {i} is null", nameof(transactions));
            if (tx.Gas is null && Options.DefaultGas is null)
                throw new ArgumentException(
                    $"transaction {i} from {tx.From} has no Gas and BatchSenderOptions.DefaultGas is not set: batched sends need explicit gas",
                    nameof(transactions));
            if (tx.Nonce is null)
                counts[tx.From] = counts.GetValueOrDefault(tx.From) + 1;
        }

        await Nonces.PrefetchAsync(counts.Keys, cancellationToken).ConfigureAwait(false);
        var next = new Dictionary<Address, ulong>(counts.Count);
        foreach (var (sender, count) in counts)
            next[sender] = await Nonces.ReserveAsync(sender, count, cancellationToken).ConfigureAwait(false);

        var prepared = new TransactionRequest[transactions.Count];
        for (var i = 0; i < transactions.Count; i++)
        {
            var tx = transactions[i];
            ulong? nonce = tx.Nonce;
            if (nonce is null)
            {
                nonce = next[tx.From];
                next[tx.From] = nonce.Value + 1;
            }
            prepared[i] = tx.Gas is null || tx.Nonce is null
                ? tx with { Gas = tx.Gas ?? Options.DefaultGas, Nonce = nonce }
                : tx;
        }
        return prepared;
    }
}
