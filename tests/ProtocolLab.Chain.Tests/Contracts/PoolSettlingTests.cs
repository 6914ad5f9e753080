using System.Text.Json;
using System.Text.Json.Nodes;
using ProtocolLab.Chain.Contracts;
using ProtocolLab.Chain.Hex;
using ProtocolLab.Chain.Rpc;
using ProtocolLab.Chain.Tests.TestSupport;

namespace ProtocolLab.Chain.Tests.Contracts;

/// <summary>Whether a block is mined depends on what the pool holds, never on how long the machine took.</summary>
public class PoolSettlingTests
{
    private static readonly Address Alice = Address.Parse("0x00000000000000000000000000000000000a11ce");
    private const string Hash = "0x1111111111111111111111111111111111111111111111111111111111111111";

    [Fact]
    public async Task SendAndMineAsync_AcceptedTransactionNeverPending_FailsWithoutMining()
    {
        // Given a node that accepts a transaction but keeps it queued for ever
        var handler = Node(pendingAfterPolls: int.MaxValue);
        var session = new ChainSession(new JsonRpcClient(new Uri("http://node.test/"), handler));

        // When the batch is sent and mined
        var error = await Assert.ThrowsAnyAsync<ProtocolLabException>(() =>
            session.SendAndMineAsync([new TransactionRequest(Alice) { To = Alice, Gas = 21_000 }]));

        // Then it fails, saying what the pool held, and no block was mined with part of the batch
        Assert.Contains("txpool", error.Message);
        Assert.DoesNotContain(handler.RequestBodies, b => b.Contains("\"evm_mine\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SendAndMineAsync_TransactionPendingAfterSomePolls_MinesOnce()
    {
        // Given a node whose pool promotes the transaction only on the fifth look
        var handler = Node(pendingAfterPolls: 5);
        var session = new ChainSession(new JsonRpcClient(new Uri("http://node.test/"), handler));

        // When the batch is sent and mined
        await session.SendAndMineAsync([new TransactionRequest(Alice) { To = Alice, Gas = 21_000 }]);

        // Then the block is mined once, after the pool settled
        Assert.Single(handler.RequestBodies, b => b.Contains("\"evm_mine\"", StringComparison.Ordinal));
    }

    /// <summary>A fake anvil: one sender at nonce 0, a pool that shows the transaction pending after some polls.</summary>
    private static FakeHttpHandler Node(int pendingAfterPolls)
    {
        var polls = 0;
        return FakeHttpHandler.Json(body =>
        {
            var node = JsonNode.Parse(body)!;
            if (node is JsonArray batch)
                return new JsonArray(batch.Select(r => Answer(r!, ref polls, pendingAfterPolls)).ToArray()).ToJsonString();
            return Answer(node, ref polls, pendingAfterPolls)!.ToJsonString();
        });
    }

    private static JsonNode? Answer(JsonNode request, ref int polls, int pendingAfterPolls)
    {
        var method = (string)request["method"]!;
        var settled = method.StartsWith("txpool", StringComparison.Ordinal) && ++polls >= pendingAfterPolls;
        JsonNode? result = method switch
        {
            "eth_getTransactionCount" => "0x0",
            "eth_sendTransaction" => Hash,
            "txpool_status" => new JsonObject { ["pending"] = settled ? "0x1" : "0x0", ["queued"] = settled ? "0x0" : "0x1" },
            "txpool_content" => new JsonObject
            {
                [settled ? "pending" : "queued"] = new JsonObject { [Alice.ToString()] = new JsonObject { ["0"] = new JsonObject { ["hash"] = Hash } } },
                [settled ? "queued" : "pending"] = new JsonObject(),
            },
            "eth_getBlockReceipts" => new JsonArray(),
            _ => null,
        };
        return new JsonObject { ["jsonrpc"] = "2.0", ["id"] = request["id"]!.DeepClone(), ["result"] = result };
    }
}
