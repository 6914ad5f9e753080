using ProtocolLab.Chain.Abi;
using ProtocolLab.Chain.Contracts;
using ProtocolLab.Chain.Hex;

namespace ProtocolLab.Chain.Rpc;

public readonly record struct BlockTag(string Value);

/// <summary>Stand-in for an unsigned transaction: what the binding asked for, not yet encoded.</summary>
public sealed record TransactionRequest(Address From, Address To, string Signature, object?[] Arguments, TxOptions? Options);

/// <summary>Stand-in for a receipt whose logs are already decoded.</summary>
public sealed record TransactionReceipt(IReadOnlyList<DecodedEvent> Events);
