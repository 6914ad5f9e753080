using System.Text.Json;
using ProtocolLab.Chain.Hex;

namespace ProtocolLab.Chain.Rpc;

/// <summary>One event log, as receipts and eth_getLogs return it.</summary>
public sealed record LogEntry(
    Address Address,
    IReadOnlyList<byte[]> Topics,
    byte[] Data,
    ulong BlockNumber,
    ulong LogIndex,
    string TransactionHash)
{
    internal static LogEntry Parse(JsonElement log)
    {
        var topicsElement = RpcJson.Required(log, "topics");
        var topics = new byte[topicsElement.GetArrayLength()][];
        var i = 0;
        foreach (var topic in topicsElement.EnumerateArray())
            topics[i++] = RpcJson.Data(topic);
        return new LogEntry(
            RpcJson.Address(RpcJson.Required(log, "address")),
            topics,
            RpcJson.Data(RpcJson.Required(log, "data")),
            RpcJson.OptionalQuantity(log, "blockNumber") ?? 0,
            RpcJson.OptionalQuantity(log, "logIndex") ?? 0,
            RpcJson.OptionalText(log, "transactionHash") ?? "");
    }

    internal static IReadOnlyList<LogEntry> ParseList(JsonElement logs)
    {
        var list = new List<LogEntry>(logs.GetArrayLength());
        foreach (var log in logs.EnumerateArray())
            list.Add(Parse(log));
        return list;
    }
}
