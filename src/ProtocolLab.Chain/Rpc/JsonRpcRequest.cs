using System.Text.Json;

namespace ProtocolLab.Chain.Rpc;

/// <summary>One JSON-RPC call. The client picks the id when it sends, so a request can be reused.</summary>
public sealed class JsonRpcRequest
{
    private static readonly JsonEncodedText JsonRpcName = JsonEncodedText.Encode("jsonrpc");
    private static readonly JsonEncodedText JsonRpcVersion = JsonEncodedText.Encode("2.0");
    private static readonly JsonEncodedText IdName = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText MethodName = JsonEncodedText.Encode("method");
    private static readonly JsonEncodedText ParamsName = JsonEncodedText.Encode("params");

    private readonly RpcValue[] _parameters;

    public JsonRpcRequest(string method, params RpcValue[] parameters)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        Method = method;
        _parameters = parameters ?? [];
    }

    public string Method { get; }

    public IReadOnlyList<RpcValue> Parameters => _parameters;

    public void WriteTo(Utf8JsonWriter writer, long id)
    {
        writer.WriteStartObject();
        writer.WriteString(JsonRpcName, JsonRpcVersion);
        writer.WriteNumber(IdName, id);
        writer.WriteString(MethodName, Method);
        writer.WriteStartArray(ParamsName);
        foreach (var parameter in _parameters)
            parameter.WriteTo(writer);
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public override string ToString() => Method;
}
