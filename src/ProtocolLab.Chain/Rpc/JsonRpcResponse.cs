using System.Text.Json;

namespace ProtocolLab.Chain.Rpc;

/// <summary>One answer of a batch: either <see cref="Result"/> or <see cref="Error"/>.</summary>
public sealed class JsonRpcResponse
{
    internal JsonRpcResponse(Uri url, string method, long id, JsonElement result, RpcError? error)
    {
        Url = url;
        Method = method;
        Id = id;
        Result = result;
        Error = error;
    }

    public Uri Url { get; }

    public string Method { get; }

    public long Id { get; }

    /// <summary>The "result" member; undefined (default) when the call failed.</summary>
    public JsonElement Result { get; }

    public RpcError? Error { get; }

    public bool IsSuccess => Error is null;

    public JsonElement GetResultOrThrow() => Error is null ? Result : throw ToException();

    public RpcErrorException ToException() =>
        new(Url, Method, Error ?? throw new InvalidOperationException($"{Method} succeeded; there is no error"));
}
