using System.Text.Json;
using ProtocolLab.Chain.Hex;
using ProtocolLab.Chain.Rpc;
using ProtocolLab.Chain.Tests.TestSupport;

namespace ProtocolLab.Chain.Tests.Rpc;

public class NonceManagerTests
{
    private static readonly Address Alice = Address.Parse("0x00000000000000000000000000000000000000a1");

    /// <summary>A node whose pending count for every sender is <paramref name="pending"/>; answers batches too.</summary>
    private static FakeHttpHandler Node(Func<ulong> pending) => FakeHttpHandler.Json(body =>
    {
        using var request = JsonDocument.Parse(body);
        string Answer(JsonElement r) => $$"""{"jsonrpc":"2.0","id":{{r.GetProperty("id").GetInt64()}},"result":"0x{{pending():x}}"}""";
        return request.RootElement.ValueKind == JsonValueKind.Array
            ? "[" + string.Join(',', request.RootElement.EnumerateArray().Select(Answer)) + "]"
            : Answer(request.RootElement);
    });

    [Fact]
    public async Task NextAsync_FetchesOnceThenCountsUp()
    {
        // Given
        var handler = Node(() => 5);
        using var rpc = new JsonRpcClient(new Uri("http://127.0.0.1:1/"), handler);
        var nonces = new NonceManager(rpc);

        // When
        var first = await nonces.NextAsync(Alice);
        var second = await nonces.NextAsync(Alice);
        var reservedFirst = await nonces.ReserveAsync(Alice, 10);
        var afterReserve = await nonces.NextAsync(Alice);

        // Then
        Assert.Equal([5ul, 6ul, 7ul, 17ul], [first, second, reservedFirst, afterReserve]);
        Assert.Single(handler.RequestBodies);
        Assert.Contains("\"pending\"", handler.RequestBodies[0]);
    }

    [Fact]
    public async Task NextAsync_ManyConcurrentCallers_GetDistinctConsecutiveNonces()
    {
        var handler = Node(() => 0);
        using var rpc = new JsonRpcClient(new Uri("http://127.0.0.1:1/"), handler);
        var nonces = new NonceManager(rpc);

        var all = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => Task.Run(() => nonces.NextAsync(Alice).AsTask())));

        Assert.Equal(Enumerable.Range(0, 200).Select(i => (ulong)i), all.Order());
        Assert.Single(handler.RequestBodies);
    }

    [Fact]
    public async Task Reset_NextCallRefetchesFromNode()
    {
        ulong pending = 3;
        var handler = Node(() => pending);
        using var rpc = new JsonRpcClient(new Uri("http://127.0.0.1:1/"), handler);
        var nonces = new NonceManager(rpc);
        await nonces.NextAsync(Alice);
        await nonces.NextAsync(Alice);

        pending = 4;
        nonces.Reset(Alice);
        var next = await nonces.NextAsync(Alice);

        Assert.Equal(4ul, next);
        Assert.Equal(2, handler.RequestBodies.Count);
    }

    [Fact]
    public async Task PrefetchAsync_ManySenders_OneBatchRequest()
    {
        var handler = Node(() => 9);
        using var rpc = new JsonRpcClient(new Uri("http://127.0.0.1:1/"), handler);
        var nonces = new NonceManager(rpc);
        var senders = Enumerable.Range(1, 20).Select(i => new Address(new byte[19].Append((byte)i).ToArray())).ToArray();

        await nonces.PrefetchAsync(senders);
        var firsts = await Task.WhenAll(senders.Select(s => nonces.NextAsync(s).AsTask()));

        Assert.All(firsts, n => Assert.Equal(9ul, n));
        Assert.Single(handler.RequestBodies);
    }
}
