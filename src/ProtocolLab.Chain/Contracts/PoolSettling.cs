using ProtocolLab.Chain.Rpc;

namespace ProtocolLab.Chain.Contracts;

/// <summary>
/// anvil takes a batch's transactions concurrently: a sender's later nonce can arrive first and wait
/// in the queued pool until its predecessor lands, and that promotion may still be under way when the
/// batch has been answered. Mining then would leave it for the next block, and the same scenario
/// would not replay to the byte. So before mining, wait until the pool holds every accepted
/// transaction as pending and none queued (txpool_status; one call when nothing is in flight).
/// A transaction stuck behind a rejected predecessor never settles: after a second the block is
/// mined anyway, as before this check.
/// </summary>
internal static class PoolSettling
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(1);

    public static async Task WaitUntilPendingAsync(ChainSession session, int accepted, CancellationToken cancellationToken)
    {
        if (accepted == 0 || session.Dev.Flavor != DevFlavor.Anvil)
            return;
        var deadline = DateTime.UtcNow + Patience;
        for (var attempt = 0; ; attempt++)
        {
            var status = await session.Rpc.CallAsync("txpool_status", cancellationToken).ConfigureAwait(false);
            var pending = RpcJson.Quantity(status, "pending");
            var queued = RpcJson.Quantity(status, "queued");
            if ((queued == 0 && pending >= (ulong)accepted) || DateTime.UtcNow > deadline)
                return;
            await Task.Delay(Math.Min(1 + attempt, 20), cancellationToken).ConfigureAwait(false);
        }
    }
}
