using System.Numerics;
using System.Text.Json;
using ProtocolLab.Chain.Hex;

namespace ProtocolLab.Chain.Rpc;

/// <summary>
/// A transaction or call as eth_sendTransaction / eth_call / eth_estimateGas take it. Only
/// <see cref="From"/> is required; a null <see cref="To"/> deploys <see cref="Data"/>. Unset
/// members are left out so the node fills them in.
/// </summary>
public sealed record TransactionRequest(Address From) : IJsonRpcWritable
{
    private static readonly JsonEncodedText FromName = JsonEncodedText.Encode("from");
    private static readonly JsonEncodedText ToName = JsonEncodedText.Encode("to");
    private static readonly JsonEncodedText DataName = JsonEncodedText.Encode("data");
    private static readonly JsonEncodedText ValueName = JsonEncodedText.Encode("value");
    private static readonly JsonEncodedText GasName = JsonEncodedText.Encode("gas");
    private static readonly JsonEncodedText MaxFeeName = JsonEncodedText.Encode("maxFeePerGas");
    private static readonly JsonEncodedText MaxPriorityFeeName = JsonEncodedText.Encode("maxPriorityFeePerGas");
    private static readonly JsonEncodedText NonceName = JsonEncodedText.Encode("nonce");

    public Address? To { get; init; }

    public byte[]? Data { get; init; }

    public BigInteger? Value { get; init; }

    public ulong? Gas { get; init; }

    public BigInteger? MaxFeePerGas { get; init; }

    public BigInteger? MaxPriorityFeePerGas { get; init; }

    public ulong? Nonce { get; init; }

    public void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString(FromName, From.ToLowerHex());
        if (To is { } to)
            writer.WriteString(ToName, to.ToLowerHex());
        if (Data is { } data)
            writer.WriteString(DataName, HexConvert.ToHex(data));
        if (Value is { } value)
            writer.WriteString(ValueName, HexConvert.ToQuantity(value));
        if (Gas is { } gas)
            writer.WriteString(GasName, HexConvert.ToQuantity(gas));
        if (MaxFeePerGas is { } maxFee)
            writer.WriteString(MaxFeeName, HexConvert.ToQuantity(maxFee));
        if (MaxPriorityFeePerGas is { } tip)
            writer.WriteString(MaxPriorityFeeName, HexConvert.ToQuantity(tip));
        if (Nonce is { } nonce)
            writer.WriteString(NonceName, HexConvert.ToQuantity(nonce));
        writer.WriteEndObject();
    }
}
