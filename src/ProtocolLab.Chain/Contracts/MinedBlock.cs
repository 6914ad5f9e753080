using ProtocolLab.Chain.Hex;
using ProtocolLab.Chain.Rpc;

namespace ProtocolLab.Chain.Contracts;

/// <summary>A block mined from a batch: what the node accepted, the header, and the logs of the contracts asked for.</summary>
public sealed record MinedBlock(IReadOnlyList<TxSendResult> Sent, Block Header, IReadOnlyList<LogEntry> Logs);

public static class MinedBlocks
{
    /// <summary>
    /// Sends a batch, mines one block, then reads its header and the logs of <paramref name="logAddresses"/>
    /// in one more JSON-RPC batch. The hot-path alternative to <see cref="MinedBatch.SendAndMineAsync"/>:
    /// anvil answers receipts in time that grows with block size and chain state (a 10,000-position
    /// market timed out at 60 s), logs and the header in milliseconds. A transaction's success is then
    /// read from the events it emits.
    /// </summary>
    public static async Task<MinedBlock> SendAndMineForLogsAsync(
        this ChainSession session, IReadOnlyList<TransactionRequest> transactions, IReadOnlyList<Address> logAddresses, CancellationToken cancellationToken = default)
    {
        var sent = await MinedBatch.SendAndMineBlockAsync(session, transactions, cancellationToken).ConfigureAwait(false);
        var filter = new LogFilter { Addresses = logAddresses, FromBlock = BlockTag.Latest, ToBlock = BlockTag.Latest };
        var responses = await session.Rpc.SendBatchAsync(
        [
            new JsonRpcRequest("eth_getBlockByNumber", BlockTag.Latest, false),
            new JsonRpcRequest("eth_getLogs", RpcValue.Object(filter)),
        ], cancellationToken).ConfigureAwait(false);
        var header = Block.ParseOptional(responses[0].GetResultOrThrow())
            ?? throw new UnexpectedNodeAnswerException("eth_getBlockByNumber(latest) returned no block right after evm_mine");
        return new MinedBlock(sent, header, LogEntry.ParseList(responses[1].GetResultOrThrow()));
    }
}
