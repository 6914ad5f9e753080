using System.Text.Json;
using ProtocolLab.Chain.Hex;

namespace ProtocolLab.Chain.Rpc;

/// <summary>The error object of a JSON-RPC response. <see cref="Data"/> is the raw "data" member, if any.</summary>
public sealed record RpcError(long Code, string Message, JsonElement? Data)
{
    /// <summary>
    /// The revert data when the node put it in "data": anvil sends a hex string, Hardhat an object
    /// with a "data" hex string. Null when there is none ("0x" gives an empty array: a bare revert).
    /// </summary>
    public byte[]? RevertData => ExtractRevertData(Data);

    public string? DataJson => Data?.GetRawText();

    internal static RpcError Parse(JsonElement error)
    {
        long code = 0;
        var message = "";
        JsonElement? data = null;
        if (error.ValueKind == JsonValueKind.Object)
        {
            if (error.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.Number)
                code = c.TryGetInt64(out var l) ? l : 0;
            if (error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String)
                message = m.GetString() ?? "";
            if (error.TryGetProperty("data", out var d) && d.ValueKind != JsonValueKind.Null)
                data = d;
        }
        else
        {
            message = error.GetRawText();
        }
        return new RpcError(code, message, data);
    }

    private static byte[]? ExtractRevertData(JsonElement? data)
    {
        if (data is not { } d)
            return null;
        if (d.ValueKind == JsonValueKind.Object && d.TryGetProperty("data", out var inner))
            d = inner;
        if (d.ValueKind != JsonValueKind.String)
            return null;
        var text = d.GetString();
        if (text is null || !text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            return null;
        foreach (var ch in text.AsSpan(2))
        {
            if (!char.IsAsciiHexDigit(ch))
                return null;
        }
        return HexConvert.FromHex(text);
    }
}
