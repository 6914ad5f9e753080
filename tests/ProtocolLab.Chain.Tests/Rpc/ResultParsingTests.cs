using System.Text.Json;
using ProtocolLab.Chain.Hex;
using ProtocolLab.Chain.Rpc;
using ProtocolLab.Chain.Tests.TestSupport;

namespace ProtocolLab.Chain.Tests.Rpc;

public class ResultParsingTests
{
    [Fact]
    public async Task GetTransactionReceiptAsync_ReceiptWithLog_ParsesEveryMember()
    {
        var handler = FakeHttpHandler.Json("""
            {"jsonrpc":"2.0","id":1,"result":{
              "transactionHash":"0xaa","status":"0x1","blockNumber":"0x5","transactionIndex":"0x2",
              "from":"0x00000000000000000000000000000000000000a1","to":null,"gasUsed":"0x5208",
              "effectiveGasPrice":"0x3b9aca00","contractAddress":"0x00000000000000000000000000000000000000c0",
              "logs":[{"address":"0x00000000000000000000000000000000000000c0","topics":["0x01","0x02"],"data":"0xbeef",
                       "blockNumber":"0x5","logIndex":"0x3","transactionHash":"0xaa"}]}}
            """);
        using var rpc = new JsonRpcClient(new Uri("http://127.0.0.1:1/"), handler);

        var receipt = await new EthClient(rpc).GetTransactionReceiptAsync("0xaa");

        Assert.NotNull(receipt);
        Assert.True(receipt.Succeeded);
        Assert.Equal((5ul, 2ul, 21_000ul), (receipt.BlockNumber, receipt.TransactionIndex, receipt.GasUsed));
        Assert.Equal(1_000_000_000, receipt.EffectiveGasPrice);
        Assert.Null(receipt.To);
        Assert.Equal(Address.Parse("0x00000000000000000000000000000000000000c0"), receipt.ContractAddress);
        var log = Assert.Single(receipt.Logs);
        Assert.Equal([new byte[] { 1 }, new byte[] { 2 }], log.Topics);
        Assert.Equal(new byte[] { 0xbe, 0xef }, log.Data);
        Assert.Equal((5ul, 3ul, "0xaa"), (log.BlockNumber, log.LogIndex, log.TransactionHash));
    }

    [Fact]
    public async Task GetTransactionReceiptAsync_NotMined_ReturnsNull()
    {
        var handler = FakeHttpHandler.Json("""{"jsonrpc":"2.0","id":1,"result":null}""");
        using var rpc = new JsonRpcClient(new Uri("http://127.0.0.1:1/"), handler);

        Assert.Null(await new EthClient(rpc).GetTransactionReceiptAsync("0xaa"));
    }

    [Fact]
    public async Task ReadBatch_RevertedItem_CarriesRevertDataOthersSucceed()
    {
        var handler = FakeHttpHandler.Json("""
            [{"jsonrpc":"2.0","id":1,"error":{"code":3,"message":"execution reverted","data":"0x1234"}},
             {"jsonrpc":"2.0","id":0,"result":"0x00ff"}]
            """);
        using var rpc = new JsonRpcClient(new Uri("http://127.0.0.1:1/"), handler);
        var caller = Address.Parse("0x00000000000000000000000000000000000000a1");

        var results = await new ReadBatch(rpc).CallAsync([new TransactionRequest(caller), new TransactionRequest(caller)]);

        Assert.Equal(new byte[] { 0x00, 0xff }, results[0].GetOutputOrThrow());
        var error = Assert.Throws<RpcErrorException>(() => results[1].GetOutputOrThrow());
        Assert.Equal(new byte[] { 0x12, 0x34 }, error.RevertData);
        Assert.Contains("\"latest\"", handler.RequestBodies.Single());
        _ = JsonDocument.Parse(handler.RequestBodies.Single());
    }
}
