using System.Text.Json;

namespace ProtocolLab.Chain.Rpc;

/// <summary>Turns a parsed answer into responses, matching batch answers to requests by id.</summary>
internal static class JsonRpcResponseReader
{
    public static JsonRpcResponse ReadSingle(Uri url, JsonRpcRequest request, JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
            throw new RpcProtocolException(url, $"expected an object in answer to {request.Method}, found {root.ValueKind}");
        return Read(url, request.Method, root, expectId: false);
    }

    public static IReadOnlyList<JsonRpcResponse> ReadBatch(Uri url, IReadOnlyList<JsonRpcRequest> requests, JsonElement root)
    {
        // A node that rejects the whole batch (parse error, too large) answers with one error object.
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var error))
            throw new RpcErrorException(url, $"batch of {requests.Count}", RpcError.Parse(error));
        if (root.ValueKind != JsonValueKind.Array)
            throw new RpcProtocolException(url, $"expected an array in answer to a batch, found {root.ValueKind}");

        var responses = new JsonRpcResponse?[requests.Count];
        foreach (var item in root.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("id", out var idElement)
                || !idElement.TryGetInt64(out var id) || id < 0 || id >= requests.Count)
                throw new RpcProtocolException(url, $"batch answer item without a known id: {Truncate(item.GetRawText())}");
            if (responses[id] is not null)
                throw new RpcProtocolException(url, $"batch answer has id {id} twice");
            responses[id] = Read(url, requests[(int)id].Method, item, expectId: true);
        }
        for (var i = 0; i < responses.Length; i++)
        {
            if (responses[i] is null)
                throw new RpcProtocolException(url, $"batch answer lacks id {i} ({requests[i].Method})");
        }
        return responses!;
    }

    private static JsonRpcResponse Read(Uri url, string method, JsonElement item, bool expectId)
    {
        long id = 0;
        if (item.TryGetProperty("id", out var idElement) && idElement.ValueKind == JsonValueKind.Number)
            idElement.TryGetInt64(out id);
        else if (expectId)
            throw new RpcProtocolException(url, $"answer to {method} has no numeric id");

        if (item.TryGetProperty("error", out var error) && error.ValueKind != JsonValueKind.Null)
            return new JsonRpcResponse(url, method, id, default, RpcError.Parse(error));
        if (!item.TryGetProperty("result", out var result))
            throw new RpcProtocolException(url, $"answer to {method} has neither result nor error: {Truncate(item.GetRawText())}");
        return new JsonRpcResponse(url, method, id, result, null);
    }

    private static string Truncate(string text) => text.Length <= 200 ? text : text[..200] + "...";
}
