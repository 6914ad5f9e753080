using System.Numerics;
using System.Text.Json;
using ProtocolLab.Chain.Hex;

namespace ProtocolLab.Chain.Rpc;

/// <summary>A value that writes itself into a JSON-RPC request, so sending never goes through a reflection serializer.</summary>
public interface IJsonRpcWritable
{
    void WriteJson(Utf8JsonWriter writer);
}

/// <summary>
/// One JSON-RPC parameter, already in wire form: a string (hex data, quantity, block tag),
/// a boolean, null, pre-encoded JSON, an object that writes itself, or an array of these.
/// </summary>
public readonly struct RpcValue
{
    private enum Kind : byte
    {
        Null,
        String,
        Boolean,
        RawJson,
        Writable,
        Array,
    }

    private readonly Kind _kind;
    private readonly object? _payload;
    private readonly bool _boolean;

    private RpcValue(Kind kind, object? payload, bool boolean = false)
    {
        _kind = kind;
        _payload = payload;
        _boolean = boolean;
    }

    public static RpcValue Null => default;

    public static RpcValue String(string text) => new(Kind.String, text ?? throw new ArgumentNullException(nameof(text)));

    public static RpcValue Boolean(bool value) => new(Kind.Boolean, null, value);

    public static RpcValue Quantity(ulong value) => String(HexConvert.ToQuantity(value));

    public static RpcValue Quantity(BigInteger value) => String(HexConvert.ToQuantity(value));

    public static RpcValue Data(ReadOnlySpan<byte> bytes) => String(HexConvert.ToHex(bytes));

    public static RpcValue Of(Address address) => String(address.ToLowerHex());

    /// <summary>JSON text that is written as is (checked once for well-formedness when written).</summary>
    public static RpcValue RawJson(string json) => new(Kind.RawJson, json ?? throw new ArgumentNullException(nameof(json)));

    public static RpcValue Object(IJsonRpcWritable value) => new(Kind.Writable, value ?? throw new ArgumentNullException(nameof(value)));

    public static RpcValue Array(params RpcValue[] items) => new(Kind.Array, items ?? throw new ArgumentNullException(nameof(items)));

    public static implicit operator RpcValue(string text) => String(text);

    public static implicit operator RpcValue(bool value) => Boolean(value);

    public static implicit operator RpcValue(Address address) => Of(address);

    public static implicit operator RpcValue(BlockTag tag) => String(tag.ToString());

    public void WriteTo(Utf8JsonWriter writer)
    {
        switch (_kind)
        {
            case Kind.Null:
                writer.WriteNullValue();
                break;
            case Kind.String:
                writer.WriteStringValue((string)_payload!);
                break;
            case Kind.Boolean:
                writer.WriteBooleanValue(_boolean);
                break;
            case Kind.RawJson:
                writer.WriteRawValue((string)_payload!);
                break;
            case Kind.Writable:
                ((IJsonRpcWritable)_payload!).WriteJson(writer);
                break;
            case Kind.Array:
                writer.WriteStartArray();
                foreach (var item in (RpcValue[])_payload!)
                    item.WriteTo(writer);
                writer.WriteEndArray();
                break;
        }
    }
}
