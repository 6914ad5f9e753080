namespace ProtocolLab.Chain.Rpc;

/// <summary>Sends a long list of requests as consecutive JSON-RPC batches of bounded size.</summary>
internal static class BatchChunks
{
    public static async Task<JsonRpcResponse[]> SendAsync(
        JsonRpcClient rpc, IReadOnlyList<JsonRpcRequest> requests, int batchSize, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var all = requests as JsonRpcRequest[] ?? requests.ToArray();
        var responses = new JsonRpcResponse[all.Length];
        for (var start = 0; start < requests.Count; start += batchSize)
        {
            var count = Math.Min(batchSize, requests.Count - start);
            var chunk = new ArraySegment<JsonRpcRequest>(all, start, count);
            var answers = await rpc.SendBatchAsync(chunk, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < count; i++)
                responses[start + i] = answers[i];
        }
        return responses;
    }
}
