using System.Text.Json;

namespace ProtocolLab.Chain.Rpc;

/// <summary>Base of every failure the JSON-RPC layer raises.</summary>
public abstract class RpcException : ProtocolLabException
{
    protected RpcException(Uri url, string message, Exception? inner = null)
        : base(message, inner) => Url = url;

    public Uri Url { get; }
}

/// <summary>The node answered with a JSON-RPC error object (a revert, an unknown method, a bad nonce...).</summary>
public sealed class RpcErrorException : RpcException
{
    public RpcErrorException(Uri url, string method, RpcError error)
        : base(url, Describe(method, error))
    {
        Method = method;
        Error = error;
    }

    public string Method { get; }

    public RpcError Error { get; }

    public long Code => Error.Code;

    public string RpcMessage => Error.Message;

    /// <summary>The raw "data" member, e.g. revert data; null when absent.</summary>
    public JsonElement? ErrorData => Error.Data;

    /// <summary>Revert data bytes parsed from "data" (the input a ContractRevertException decodes).</summary>
    public byte[]? RevertData => Error.RevertData;

    private static string Describe(string method, RpcError error)
    {
        var data = error.DataJson;
        var suffix = data is null ? "" : $" data={(data.Length > 200 ? data[..200] + "..." : data)}";
        return $"{method} failed with JSON-RPC error {error.Code}: {error.Message}{suffix}";
    }
}

/// <summary>The endpoint could not be reached or answered with an HTTP failure.</summary>
public sealed class RpcTransportException : RpcException
{
    public RpcTransportException(Uri url, string detail, int? httpStatus = null, Exception? inner = null)
        : base(url, $"JSON-RPC endpoint {url} failed: {detail}. Is the devnet still running? It may have stopped or crashed.", inner)
        => HttpStatus = httpStatus;

    public int? HttpStatus { get; }
}

/// <summary>A call did not complete within the configured timeout.</summary>
public sealed class RpcTimeoutException : RpcException
{
    public RpcTimeoutException(Uri url, string method, TimeSpan timeout, Exception? inner = null)
        : base(url, $"{method} at {url} timed out after {timeout.TotalSeconds:0.###} s (JsonRpcClientOptions.Timeout)", inner)
    {
        Method = method;
        Timeout = timeout;
    }

    public string Method { get; }

    public TimeSpan Timeout { get; }
}

/// <summary>The endpoint answered something that is not a well-formed JSON-RPC response.</summary>
public sealed class RpcProtocolException : RpcException
{
    public RpcProtocolException(Uri url, string detail, Exception? inner = null)
        : base(url, $"JSON-RPC endpoint {url} sent a malformed response: {detail}", inner)
    {
    }
}
