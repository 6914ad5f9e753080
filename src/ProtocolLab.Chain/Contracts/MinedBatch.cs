using ProtocolLab.Chain.Rpc;

namespace ProtocolLab.Chain.Contracts;

/// <summary>One transaction of a mined batch: rejected before mining (Error), or mined with a receipt.</summary>
public sealed record MinedTransaction(TransactionRequest Request, string? Hash, RpcError? Error, TransactionReceipt? Receipt)
{
    /// <summary>Mined and did not revert.</summary>
    public bool Succeeded => Receipt is { Succeeded: true };
}

/// <summary>Sends many transactions in one block: one JSON-RPC batch to send, one evm_mine, one batch of receipts.</summary>
public static class MinedBatch
{
    /// <summary>
    /// Transactions per block for bulk set-up. anvil builds a block's receipts in time that grows with
    /// the square of its size (measured: 1,000 receipts 0.8 s, 3,000 receipts 9.8 s), so many small
    /// blocks beat one large one.
    /// </summary>
    public const int SetupBlockSize = 250;

    /// <summary>Requires automine off (else each transaction mines its own block); gas must be explicit.</summary>
    public static async Task<IReadOnlyList<MinedTransaction>> SendAndMineAsync(
        this ChainSession session, IReadOnlyList<TransactionRequest> transactions, CancellationToken cancellationToken = default)
    {
        var sent = await SendAndMineBlockAsync(session, transactions, cancellationToken).ConfigureAwait(false);
        var receipts = sent.Any(s => s.TransactionHash is not null)
            ? await LatestBlockReceiptsAsync(session, cancellationToken).ConfigureAwait(false)
            : [];
        var result = new MinedTransaction[sent.Count];
        for (var i = 0; i < sent.Count; i++)
        {
            var hash = sent[i].TransactionHash;
            var receipt = hash is not null && receipts.TryGetValue(hash, out var r) ? r : null;
            result[i] = new MinedTransaction(sent[i].Request, hash, sent[i].Error, receipt);
        }
        return result;
    }

    /// <summary>
    /// All receipts of the block just mined in one call: cheaper for anvil than one
    /// eth_getTransactionReceipt per transaction (3,000 receipts: 9.8 s against 17-27 s, measured).
    /// </summary>
    private static async Task<Dictionary<string, TransactionReceipt>> LatestBlockReceiptsAsync(ChainSession session, CancellationToken cancellationToken)
    {
        var json = await session.Rpc.CallAsync("eth_getBlockReceipts", [BlockTag.Latest], cancellationToken).ConfigureAwait(false);
        var receipts = new Dictionary<string, TransactionReceipt>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in json.EnumerateArray())
        {
            var receipt = TransactionReceipt.Parse(item);
            receipts[receipt.TransactionHash] = receipt;
        }
        return receipts;
    }

    /// <summary>
    /// Bulk set-up: mines <paramref name="transactions"/> in consecutive blocks of <see cref="SetupBlockSize"/>
    /// (a sender's transactions may span two blocks, in nonce order) and throws unless every one succeeded.
    /// </summary>
    public static async Task MineInBlocksAsync(
        this ChainSession session, IReadOnlyList<TransactionRequest> transactions, string what, CancellationToken cancellationToken = default)
    {
        for (var start = 0; start < transactions.Count; start += SetupBlockSize)
        {
            var chunk = transactions.Skip(start).Take(SetupBlockSize).ToList();
            (await session.SendAndMineAsync(chunk, cancellationToken).ConfigureAwait(false)).EnsureAllSucceeded(what);
        }
    }

    /// <summary>The one way a batch becomes a block: send, count, let the pool settle, mine at the clock's next tick.</summary>
    internal static async Task<IReadOnlyList<TxSendResult>> SendAndMineBlockAsync(
        ChainSession session, IReadOnlyList<TransactionRequest> transactions, CancellationToken cancellationToken)
    {
        var sent = transactions.Count == 0 ? [] : await session.Batches.SendAsync(transactions, cancellationToken).ConfigureAwait(false);
        session.CountSent(transactions.Count);
        await PoolSettling.WaitUntilPendingAsync(session, sent, cancellationToken).ConfigureAwait(false);
        await session.MineBlockAsync(cancellationToken).ConfigureAwait(false);
        return sent;
    }

    /// <summary>Throws, naming the first failure, unless every transaction was mined and succeeded.</summary>
    public static IReadOnlyList<MinedTransaction> EnsureAllSucceeded(this IReadOnlyList<MinedTransaction> mined, string what)
    {
        var failed = mined.Select((m, i) => (m, i)).FirstOrDefault(x => !x.m.Succeeded);
        if (failed.m is not null)
        {
            var why = failed.m.Error is { } e ? $"rejected: {e.Message}" : failed.m.Receipt is null ? "not mined" : "reverted";
            throw new TransactionFailedException(
                $"{what}: transaction {failed.i} of {mined.Count} from {failed.m.Request.From} to {failed.m.Request.To} {why}");
        }
        return mined;
    }
}
