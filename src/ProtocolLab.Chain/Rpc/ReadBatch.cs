namespace ProtocolLab.Chain.Rpc;

/// <summary>The outcome of one eth_call of a <see cref="ReadBatch"/>: output bytes or the error (revert data in it).</summary>
public sealed record CallResult(byte[]? Output, RpcError? Error, Uri Url)
{
    public bool Succeeded => Error is null;

    public byte[] GetOutputOrThrow() => Error is null ? Output! : throw new RpcErrorException(Url, "eth_call", Error);
}

/// <summary>Many eth_call in few HTTP requests, for reading state in bulk. A revert fails only its own item.</summary>
public sealed class ReadBatch(JsonRpcClient rpc, int batchSize = 500)
{
    public JsonRpcClient Rpc { get; } = rpc ?? throw new ArgumentNullException(nameof(rpc));

    public int BatchSize { get; } = batchSize >= 1 ? batchSize : throw new ArgumentOutOfRangeException(nameof(batchSize));

    public async Task<IReadOnlyList<CallResult>> CallAsync(
        IReadOnlyList<TransactionRequest> calls, BlockTag block = default, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(calls);
        var requests = new JsonRpcRequest[calls.Count];
        for (var i = 0; i < calls.Count; i++)
            requests[i] = EthClient.CallRequest(calls[i], block);
        var responses = await BatchChunks.SendAsync(Rpc, requests, BatchSize, cancellationToken).ConfigureAwait(false);
        var results = new CallResult[responses.Length];
        for (var i = 0; i < responses.Length; i++)
        {
            var response = responses[i];
            results[i] = response.IsSuccess
                ? new CallResult(RpcJson.Data(response.Result), null, Rpc.Url)
                : new CallResult(null, response.Error, Rpc.Url);
        }
        return results;
    }
}
