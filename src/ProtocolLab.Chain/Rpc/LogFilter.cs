using System.Text.Json;
using ProtocolLab.Chain.Hex;

namespace ProtocolLab.Chain.Rpc;

/// <summary>
/// An eth_getLogs filter. <see cref="Topics"/> has one entry per topic position: null matches
/// anything, otherwise any of the listed values matches.
/// </summary>
public sealed record LogFilter : IJsonRpcWritable
{
    public IReadOnlyList<Address>? Addresses { get; init; }

    public IReadOnlyList<IReadOnlyList<byte[]>?>? Topics { get; init; }

    public BlockTag? FromBlock { get; init; }

    public BlockTag? ToBlock { get; init; }

    public void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        if (FromBlock is { } from)
            writer.WriteString("fromBlock", from.ToString());
        if (ToBlock is { } to)
            writer.WriteString("toBlock", to.ToString());
        if (Addresses is { Count: > 0 } addresses)
        {
            writer.WriteStartArray("address");
            foreach (var address in addresses)
                writer.WriteStringValue(address.ToLowerHex());
            writer.WriteEndArray();
        }
        if (Topics is { Count: > 0 } topics)
        {
            writer.WriteStartArray("topics");
            foreach (var position in topics)
            {
                if (position is null)
                {
                    writer.WriteNullValue();
                    continue;
                }
                writer.WriteStartArray();
                foreach (var topic in position)
                    writer.WriteStringValue(HexConvert.ToHex(topic));
                writer.WriteEndArray();
            }
            writer.WriteEndArray();
        }
        writer.WriteEndObject();
    }
}
