using System.Collections.Concurrent;
using System.Text.Json;
using ProtocolLab.Chain.Hex;

namespace ProtocolLab.Chain.Rpc;

/// <summary>
/// Hands out nonces per sender: fetches the pending transaction count once, then counts up.
/// Needed because anvil runs the calls of one batch concurrently, so the node cannot be left to
/// pick nonces for several transactions of one sender. Thread-safe.
/// </summary>
public sealed class NonceManager(JsonRpcClient rpc)
{
    private readonly ConcurrentDictionary<Address, Slot> _slots = new();

    public JsonRpcClient Rpc { get; } = rpc ?? throw new ArgumentNullException(nameof(rpc));

    public async ValueTask<ulong> NextAsync(Address sender, CancellationToken cancellationToken = default) =>
        await ReserveAsync(sender, 1, cancellationToken).ConfigureAwait(false);

    /// <summary>Reserves <paramref name="count"/> consecutive nonces and returns the first.</summary>
    public async ValueTask<ulong> ReserveAsync(Address sender, int count, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var slot = _slots.GetOrAdd(sender, static _ => new Slot());
        await slot.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            slot.Next ??= RpcJson.Quantity(await Rpc.CallAsync(EthClient.TransactionCountRequest(sender, BlockTag.Pending), cancellationToken)
                .ConfigureAwait(false));
            var first = slot.Next.Value;
            slot.Next = first + (ulong)count;
            return first;
        }
        finally
        {
            slot.Gate.Release();
        }
    }

    /// <summary>Fetches the pending count of every sender not known yet, in one JSON-RPC batch.</summary>
    public async Task PrefetchAsync(IEnumerable<Address> senders, CancellationToken cancellationToken = default)
    {
        var unknown = senders.Distinct().Where(s => !_slots.TryGetValue(s, out var slot) || slot.Next is null).ToArray();
        if (unknown.Length <= 1)
            return;
        var requests = unknown.Select(s => EthClient.TransactionCountRequest(s, BlockTag.Pending)).ToArray();
        var responses = await Rpc.SendBatchAsync(requests, cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < unknown.Length; i++)
        {
            var count = RpcJson.Quantity(responses[i].GetResultOrThrow());
            var slot = _slots.GetOrAdd(unknown[i], static _ => new Slot());
            await slot.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            slot.Next ??= count;
            slot.Gate.Release();
        }
    }

    /// <summary>Forgets a sender's counter so the next nonce is fetched again; call it after a failed send.</summary>
    public void Reset(Address sender) => _slots.TryRemove(sender, out _);

    public void ResetAll() => _slots.Clear();

    private sealed class Slot
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public ulong? Next { get; set; }
    }
}
