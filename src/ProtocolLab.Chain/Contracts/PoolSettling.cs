using System.Text.Json;
using ProtocolLab.Chain.Rpc;

namespace ProtocolLab.Chain.Contracts;

/// <summary>
/// anvil takes a batch's transactions concurrently: a sender's later nonce can arrive first and wait
/// in the queued pool until its predecessor lands, and that promotion may still be under way when the
/// batch has been answered. Mining then would leave it for the next block, and the same scenario
/// would not replay to the byte. So before mining, wait until the pool holds every accepted
/// transaction as pending (txpool_status; one call when nothing is in flight). The condition is on
/// the pool alone, never on elapsed time, so a loaded machine waits longer but mines the same block.
/// A transaction behind a rejected predecessor of its sender stays queued until the nonce is reused:
/// it is not waited for. A pool that does not settle within a bounded number of polls is an error.
/// </summary>
internal static class PoolSettling
{
    /// <summary>About 10 s of polling (delays of 1, 2, ... up to 20 ms): promotion takes microseconds.</summary>
    internal const int MaxPolls = 520;

    public static async Task WaitUntilPendingAsync(ChainSession session, IReadOnlyList<TxSendResult> sent, CancellationToken cancellationToken)
    {
        var accepted = sent.Where(s => s.TransactionHash is not null).ToList();
        if (accepted.Count == 0 || session.Dev.Flavor != DevFlavor.Anvil)
            return;
        var expected = ExpectedPending(sent);
        (ulong Pending, ulong Queued) status = default;
        for (var poll = 0; poll < MaxPolls; poll++)
        {
            var answer = await session.Rpc.CallAsync("txpool_status", cancellationToken).ConfigureAwait(false);
            status = (RpcJson.Quantity(answer, "pending"), RpcJson.Quantity(answer, "queued"));
            if (status.Queued == 0 && status.Pending >= (ulong)accepted.Count)
                return;
            if (status.Queued > 0 && await AllPendingAsync(session, expected, cancellationToken).ConfigureAwait(false))
                return;
            await Task.Delay(Math.Min(1 + poll, 20), cancellationToken).ConfigureAwait(false);
        }
        throw new UnexpectedNodeAnswerException(
            $"the node's txpool did not settle before mining: {status.Pending} pending and {status.Queued} queued after {MaxPolls} polls, "
            + $"expected {expected.Count} of the {accepted.Count} accepted transactions pending; not mining a block that would hold part of the batch");
    }

    /// <summary>Accepted transactions not behind a rejected nonce of the same sender in this batch.</summary>
    private static HashSet<string> ExpectedPending(IReadOnlyList<TxSendResult> sent)
    {
        var firstRejected = new Dictionary<Hex.Address, ulong>();
        foreach (var s in sent)
        {
            if (s.TransactionHash is null && s.Request.Nonce is { } nonce)
                firstRejected[s.Request.From] = Math.Min(nonce, firstRejected.GetValueOrDefault(s.Request.From, ulong.MaxValue));
        }
        return sent
            .Where(s => s.TransactionHash is not null
                && !(firstRejected.TryGetValue(s.Request.From, out var gap) && s.Request.Nonce > gap))
            .Select(s => s.TransactionHash!.ToLowerInvariant())
            .ToHashSet();
    }

    private static async Task<bool> AllPendingAsync(ChainSession session, HashSet<string> expected, CancellationToken cancellationToken)
    {
        var content = await session.Rpc.CallAsync("txpool_content", cancellationToken).ConfigureAwait(false);
        if (!content.TryGetProperty("pending", out var pending) || pending.ValueKind != JsonValueKind.Object)
            return false;
        var hashes = new HashSet<string>();
        foreach (var sender in pending.EnumerateObject())
        {
            foreach (var tx in sender.Value.EnumerateObject())
            {
                if (tx.Value.TryGetProperty("hash", out var hash) && hash.GetString() is { } text)
                    hashes.Add(text.ToLowerInvariant());
            }
        }
        return expected.IsSubsetOf(hashes);
    }
}
