using System.Numerics;
using System.Text.Json;

namespace ProtocolLab.Chain.Rpc;

/// <summary>A block header with the hashes of its transactions.</summary>
public sealed record Block(
    ulong Number,
    string Hash,
    ulong Timestamp,
    BigInteger? BaseFeePerGas,
    ulong GasUsed,
    ulong GasLimit,
    IReadOnlyList<string> TransactionHashes)
{
    internal static Block? ParseOptional(JsonElement block)
    {
        if (block.ValueKind == JsonValueKind.Null)
            return null;
        var txs = RpcJson.Required(block, "transactions");
        var hashes = new List<string>(txs.GetArrayLength());
        foreach (var tx in txs.EnumerateArray())
            hashes.Add(tx.ValueKind == JsonValueKind.String ? tx.GetString()! : RpcJson.Text(RpcJson.Required(tx, "hash")));
        return new Block(
            RpcJson.Quantity(block, "number"),
            RpcJson.Text(RpcJson.Required(block, "hash")),
            RpcJson.Quantity(block, "timestamp"),
            RpcJson.OptionalBigQuantity(block, "baseFeePerGas"),
            RpcJson.Quantity(block, "gasUsed"),
            RpcJson.Quantity(block, "gasLimit"),
            hashes);
    }
}
