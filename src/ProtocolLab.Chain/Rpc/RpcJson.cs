using System.Numerics;
using System.Text.Json;
using ProtocolLab.Chain.Hex;

namespace ProtocolLab.Chain.Rpc;

/// <summary>Reads the hex-encoded members of JSON-RPC results.</summary>
internal static class RpcJson
{
    public static ulong Quantity(JsonElement element) => HexConvert.ParseQuantityUInt64(Text(element));

    public static BigInteger BigQuantity(JsonElement element) => HexConvert.ParseQuantity(Text(element));

    public static byte[] Data(JsonElement element) => HexConvert.FromHex(Text(element));

    public static Address Address(JsonElement element) => Hex.Address.Parse(Text(element).ToLowerInvariant());

    public static string Text(JsonElement element) =>
        element.ValueKind == JsonValueKind.String
            ? element.GetString()!
            : throw new FormatException($"expected a hex string, found {element.ValueKind}: {element.GetRawText()}");

    public static ulong Quantity(JsonElement obj, string name) => Quantity(Required(obj, name));

    public static ulong? OptionalQuantity(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? Quantity(v) : null;

    public static BigInteger? OptionalBigQuantity(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? BigQuantity(v) : null;

    public static Address? OptionalAddress(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? Address(v) : null;

    public static string? OptionalText(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    public static JsonElement Required(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var v)
            ? v
            : throw new FormatException($"expected member \"{name}\" in {Truncate(obj.GetRawText())}");

    private static string Truncate(string text) => text.Length <= 200 ? text : text[..200] + "...";
}
