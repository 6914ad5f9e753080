using System.Net;
using System.Text.Json;
using ProtocolLab.Chain.Rpc;
using ProtocolLab.Chain.Tests.TestSupport;

namespace ProtocolLab.Chain.Tests.Rpc;

public class JsonRpcClientTests
{
    private static readonly Uri Url = new("http://127.0.0.1:8545/");

    private static JsonRpcClient Client(FakeHttpHandler handler, TimeSpan? timeout = null) =>
        new(Url, handler, new JsonRpcClientOptions { Timeout = timeout ?? TimeSpan.FromSeconds(5) });

    [Fact]
    public async Task CallAsync_Result_ReturnsResultAndWritesJsonRpcRequest()
    {
        // Given
        var handler = FakeHttpHandler.Json("""{"jsonrpc":"2.0","id":1,"result":"0x7a69"}""");
        using var client = Client(handler);

        // When
        var result = await client.CallAsync("eth_getBalance", ["0xabc", RpcValue.Quantity(255), true, RpcValue.Null, RpcValue.RawJson("""{"a":1}""")]);

        // Then
        Assert.Equal("0x7a69", result.GetString());
        Assert.Equal("""{"jsonrpc":"2.0","id":1,"method":"eth_getBalance","params":["0xabc","0xff",true,null,{"a":1}]}""", handler.RequestBodies.Single());
    }

    [Fact]
    public async Task CallAsync_ErrorObject_ThrowsRpcErrorExceptionWithCodeMessageAndRevertData()
    {
        // Given: anvil's shape for a revert
        var handler = FakeHttpHandler.Json("""{"jsonrpc":"2.0","id":1,"error":{"code":3,"message":"execution reverted","data":"0x08c379a0"}}""");
        using var client = Client(handler);

        // When
        var error = await Assert.ThrowsAsync<RpcErrorException>(() => client.CallAsync("eth_call"));

        // Then
        Assert.Equal(3, error.Code);
        Assert.Equal("execution reverted", error.RpcMessage);
        Assert.Equal("\"0x08c379a0\"", error.Error.DataJson);
        Assert.Equal(new byte[] { 0x08, 0xc3, 0x79, 0xa0 }, error.RevertData);
        Assert.Contains("eth_call", error.Message);
    }

    [Fact]
    public async Task CallAsync_HardhatStyleErrorData_ParsesRevertDataFromObject()
    {
        var handler = FakeHttpHandler.Json("""{"jsonrpc":"2.0","id":1,"error":{"code":-32603,"message":"reverted","data":{"message":"x","data":"0xdeadbeef"}}}""");
        using var client = Client(handler);

        var error = await Assert.ThrowsAsync<RpcErrorException>(() => client.CallAsync("eth_call"));

        Assert.Equal(new byte[] { 0xde, 0xad, 0xbe, 0xef }, error.RevertData);
    }

    [Fact]
    public async Task CallAsync_ErrorWithoutData_HasNoRevertData()
    {
        var handler = FakeHttpHandler.Json("""{"jsonrpc":"2.0","id":1,"error":{"code":-32601,"message":"Method not found"}}""");
        using var client = Client(handler);

        var error = await Assert.ThrowsAsync<RpcErrorException>(() => client.CallAsync("eth_nope"));

        Assert.Equal(-32601, error.Code);
        Assert.Null(error.RevertData);
        Assert.Null(error.ErrorData);
    }

    [Fact]
    public async Task CallAsync_ConnectionRefused_ThrowsTransportExceptionNamingUrl()
    {
        var handler = FakeHttpHandler.Throwing(new HttpRequestException("Connection refused (127.0.0.1:8545)"));
        using var client = Client(handler);

        var error = await Assert.ThrowsAsync<RpcTransportException>(() => client.CallAsync("eth_chainId"));

        Assert.Contains(Url.ToString(), error.Message);
        Assert.Contains("may have stopped", error.Message);
        Assert.IsType<HttpRequestException>(error.InnerException);
    }

    [Fact]
    public async Task CallAsync_HttpStatus500_ThrowsTransportExceptionWithStatus()
    {
        var handler = new FakeHttpHandler((_, _) => Task.FromResult(FakeHttpHandler.JsonResponse("oops", HttpStatusCode.InternalServerError)));
        using var client = Client(handler);

        var error = await Assert.ThrowsAsync<RpcTransportException>(() => client.CallAsync("eth_chainId"));

        Assert.Equal(500, error.HttpStatus);
        Assert.Contains("HTTP 500", error.Message);
    }

    [Fact]
    public async Task CallAsync_SlowServer_ThrowsTimeoutNamingMethodAndTimeout()
    {
        var handler = new FakeHttpHandler(async (_, ct) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), ct);
            return FakeHttpHandler.JsonResponse("{}");
        });
        using var client = Client(handler, TimeSpan.FromMilliseconds(100));

        var error = await Assert.ThrowsAsync<RpcTimeoutException>(() => client.CallAsync("eth_blockNumber"));

        Assert.Equal("eth_blockNumber", error.Method);
        Assert.Equal(TimeSpan.FromMilliseconds(100), error.Timeout);
        Assert.Contains("eth_blockNumber", error.Message);
    }

    [Fact]
    public async Task CallAsync_CallerCancels_ThrowsOperationCanceledNotTimeout()
    {
        var handler = new FakeHttpHandler(async (_, ct) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), ct);
            return FakeHttpHandler.JsonResponse("{}");
        });
        using var client = Client(handler);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.CallAsync("eth_blockNumber", cts.Token));

        Assert.Equal(cts.Token, error.CancellationToken);
    }

    [Fact]
    public async Task CallAsync_MalformedJson_ThrowsProtocolException()
    {
        var handler = FakeHttpHandler.Json("""{"jsonrpc":"2.0","id":1,"result":""");
        using var client = Client(handler);

        await Assert.ThrowsAsync<RpcProtocolException>(() => client.CallAsync("eth_chainId"));
    }

    [Fact]
    public async Task CallAsync_NeitherResultNorError_ThrowsProtocolException()
    {
        var handler = FakeHttpHandler.Json("""{"jsonrpc":"2.0","id":1}""");
        using var client = Client(handler);

        await Assert.ThrowsAsync<RpcProtocolException>(() => client.CallAsync("eth_chainId"));
    }

    [Fact]
    public async Task SendBatchAsync_MixedResults_EachItemCarriesResultOrError()
    {
        var handler = FakeHttpHandler.Json("""
            [{"jsonrpc":"2.0","id":0,"result":"0x1"},
             {"jsonrpc":"2.0","id":1,"error":{"code":-32000,"message":"nonce too low"}},
             {"jsonrpc":"2.0","id":2,"result":null}]
            """);
        using var client = Client(handler);

        var responses = await client.SendBatchAsync([new("a"), new("b"), new("c")]);

        Assert.Equal(3, responses.Count);
        Assert.True(responses[0].IsSuccess);
        Assert.Equal("0x1", responses[0].Result.GetString());
        Assert.False(responses[1].IsSuccess);
        Assert.Equal(-32000, responses[1].Error!.Code);
        Assert.Equal("b", Assert.Throws<RpcErrorException>(() => responses[1].GetResultOrThrow()).Method);
        Assert.Equal(JsonValueKind.Null, responses[2].Result.ValueKind);
    }

    [Fact]
    public async Task SendBatchAsync_OutOfOrderIds_MatchesAnswersToRequests()
    {
        var handler = FakeHttpHandler.Json("""
            [{"jsonrpc":"2.0","id":2,"result":"two"},{"jsonrpc":"2.0","id":0,"result":"zero"},{"jsonrpc":"2.0","id":1,"result":"one"}]
            """);
        using var client = Client(handler);

        var responses = await client.SendBatchAsync([new("m0"), new("m1"), new("m2")]);

        Assert.Equal(["zero", "one", "two"], responses.Select(r => r.Result.GetString()));
        Assert.Equal(["m0", "m1", "m2"], responses.Select(r => r.Method));
    }

    [Fact]
    public async Task SendBatchAsync_MissingAnswer_ThrowsProtocolException()
    {
        var handler = FakeHttpHandler.Json("""[{"jsonrpc":"2.0","id":0,"result":"0x1"}]""");
        using var client = Client(handler);

        var error = await Assert.ThrowsAsync<RpcProtocolException>(() => client.SendBatchAsync([new("a"), new("b")]));

        Assert.Contains("id 1", error.Message);
    }

    [Fact]
    public async Task SendBatchAsync_WholeBatchRejected_ThrowsRpcErrorException()
    {
        var handler = FakeHttpHandler.Json("""{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"parse error"}}""");
        using var client = Client(handler);

        var error = await Assert.ThrowsAsync<RpcErrorException>(() => client.SendBatchAsync([new("a")]));

        Assert.Equal(-32700, error.Code);
    }

    [Fact]
    public async Task SendBatchAsync_Empty_SendsNothing()
    {
        var handler = FakeHttpHandler.Json("[]");
        using var client = Client(handler);

        var responses = await client.SendBatchAsync([]);

        Assert.Empty(responses);
        Assert.Empty(handler.RequestBodies);
    }
}
