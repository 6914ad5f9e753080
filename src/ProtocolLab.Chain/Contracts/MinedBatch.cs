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
    /// <summary>Requires automine off (else each transaction mines its own block); gas must be explicit.</summary>
    public static async Task<IReadOnlyList<MinedTransaction>> SendAndMineAsync(
        this ChainSession session, IReadOnlyList<TransactionRequest> transactions, CancellationToken cancellationToken = default)
    {
        var sent = transactions.Count == 0 ? [] : await session.Batches.SendAsync(transactions, cancellationToken).ConfigureAwait(false);
        session.CountSent(transactions.Count);
        await session.MineBlockAsync(cancellationToken).ConfigureAwait(false);
        var hashes = sent.Where(s => s.TransactionHash is not null).Select(s => s.TransactionHash!).ToList();
        var receipts = hashes.Count == 0 ? [] : await session.Batches.GetReceiptsAsync(hashes, cancellationToken).ConfigureAwait(false);
        var result = new MinedTransaction[sent.Count];
        var next = 0;
        for (var i = 0; i < sent.Count; i++)
        {
            var receipt = sent[i].TransactionHash is null ? null : receipts[next++];
            result[i] = new MinedTransaction(sent[i].Request, sent[i].TransactionHash, sent[i].Error, receipt);
        }
        return result;
    }

    /// <summary>Throws, naming the first failure, unless every transaction was mined and succeeded.</summary>
    public static IReadOnlyList<MinedTransaction> EnsureAllSucceeded(this IReadOnlyList<MinedTransaction> mined, string what)
    {
        var failed = mined.Select((m, i) => (m, i)).FirstOrDefault(x => !x.m.Succeeded);
        if (failed.m is not null)
        {
            var why = failed.m.Error is { } e ? $"rejected: {e.Message}" : failed.m.Receipt is null ? "not mined" : "reverted";
            throw new InvalidOperationException(
                $"{what}: transaction {failed.i} of {mined.Count} from {failed.m.Request.From} to {failed.m.Request.To} {why}");
        }
        return mined;
    }
}
