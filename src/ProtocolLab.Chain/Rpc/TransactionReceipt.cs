using System.Numerics;
using System.Text.Json;
using ProtocolLab.Chain.Hex;

namespace ProtocolLab.Chain.Rpc;

/// <summary>The outcome of a mined transaction. <see cref="Status"/> is 1 on success, 0 on revert.</summary>
public sealed record TransactionReceipt(
    string TransactionHash,
    ulong Status,
    ulong BlockNumber,
    ulong TransactionIndex,
    Address From,
    Address? To,
    ulong GasUsed,
    BigInteger EffectiveGasPrice,
    Address? ContractAddress,
    IReadOnlyList<LogEntry> Logs)
{
    public bool Succeeded => Status == 1;

    internal static TransactionReceipt Parse(JsonElement receipt) => new(
        RpcJson.Text(RpcJson.Required(receipt, "transactionHash")),
        RpcJson.OptionalQuantity(receipt, "status") ?? 0,
        RpcJson.Quantity(receipt, "blockNumber"),
        RpcJson.Quantity(receipt, "transactionIndex"),
        RpcJson.Address(RpcJson.Required(receipt, "from")),
        RpcJson.OptionalAddress(receipt, "to"),
        RpcJson.Quantity(receipt, "gasUsed"),
        RpcJson.OptionalBigQuantity(receipt, "effectiveGasPrice") ?? BigInteger.Zero,
        RpcJson.OptionalAddress(receipt, "contractAddress"),
        LogEntry.ParseList(RpcJson.Required(receipt, "logs")));

    /// <summary>Null when the node has no receipt yet (JSON null).</summary>
    internal static TransactionReceipt? ParseOptional(JsonElement receipt) =>
        receipt.ValueKind == JsonValueKind.Null ? null : Parse(receipt);
}
