using System.Text.Json;
using ProtocolLab.Chain.Hex;
using ProtocolLab.Chain.Rpc;
using ProtocolLab.Chain.Tests.TestSupport;

namespace ProtocolLab.Chain.Tests.Rpc;

public class BatchSenderTests
{
    private static readonly Address Alice = Address.Parse("0x00000000000000000000000000000000000000a1");
    private static readonly Address Bob = Address.Parse("0x00000000000000000000000000000000000000b0");

    [Fact]
    public async Task SendAsync_TransactionWithoutGasAndNoDefault_ThrowsBeforeSending()
    {
        var handler = FakeHttpHandler.Json("{}");
        using var rpc = new JsonRpcClient(new Uri("http://127.0.0.1:1/"), handler);
        var sender = new BatchSender(rpc, new NonceManager(rpc));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => sender.SendAsync([new TransactionRequest(Alice) { To = Bob }]));

        Assert.Contains("DefaultGas", error.Message);
        Assert.Empty(handler.RequestBodies);
    }

    [Fact]
    public async Task SendAsync_ChunksAssignsNoncesAndReportsPerItemErrors()
    {
        // Given: a node with pending count 0 that rejects nonce 2
        var handler = FakeHttpHandler.Json(body =>
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.ValueKind == JsonValueKind.Object)
                return """{"jsonrpc":"2.0","id":1,"result":"0x0"}""";
            var answers = doc.RootElement.EnumerateArray().Select(r =>
            {
                var id = r.GetProperty("id").GetInt64();
                var nonce = r.GetProperty("params")[0].GetProperty("nonce").GetString();
                return nonce == "0x2"
                    ? $$$"""{"jsonrpc":"2.0","id":{{{id}}},"error":{"code":-32003,"message":"insufficient funds"}}"""
                    : $$"""{"jsonrpc":"2.0","id":{{id}},"result":"0xhash{{nonce}}"}""";
            });
            return "[" + string.Join(',', answers.Reverse()) + "]";
        });
        using var rpc = new JsonRpcClient(new Uri("http://127.0.0.1:1/"), handler);
        var nonces = new NonceManager(rpc);
        var sender = new BatchSender(rpc, nonces, new BatchSenderOptions { BatchSize = 2, DefaultGas = 21_000 });
        var txs = Enumerable.Range(0, 5).Select(_ => new TransactionRequest(Alice) { To = Bob, Value = 1 }).ToArray();

        // When
        var results = await sender.SendAsync(txs);

        // Then: 1 nonce fetch + 3 chunks; results in order; the failure carries its error
        Assert.Equal(4, handler.RequestBodies.Count);
        Assert.Equal(["0xhash0x0", "0xhash0x1", null, "0xhash0x3", "0xhash0x4"], results.Select(r => r.TransactionHash));
        Assert.Equal(-32003, results[2].Error!.Code);
        Assert.Equal(Enumerable.Range(0, 5).Select(i => (ulong?)i), results.Select(r => r.Request.Nonce));
        Assert.All(results, r => Assert.Equal(21_000ul, r.Request.Gas));
    }
}
