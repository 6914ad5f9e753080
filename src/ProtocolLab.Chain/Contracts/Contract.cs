using ProtocolLab.Chain.Abi;
using ProtocolLab.Chain.Hex;
using ProtocolLab.Chain.Rpc;

namespace ProtocolLab.Chain.Contracts;

/// <summary>
/// A deployed contract seen through its ABI. Generated bindings derive from this and add typed
/// methods; the untyped members here are what they call.
/// </summary>
public class Contract
{
    public Contract(ChainSession session, Address address, ContractAbi abi)
    {
        Session = session;
        Address = address;
        Abi = abi;
        session.RegisterErrors(abi);
    }

    public ChainSession Session { get; }

    public Address Address { get; }

    public ContractAbi Abi { get; }

    /// <summary>eth_call a function (by name or full signature) and decode its outputs.</summary>
    public Task<object?[]> CallAsync(string function, object?[] args, BlockTag? block = null, CancellationToken cancellationToken = default)
    {
        var fn = Abi.GetFunction(function);
        var call = new TransactionRequest(Address.Zero) { To = Address, Data = fn.EncodeCall(args) };
        return Session.RunDecodingReverts(async () =>
        {
            var output = await Session.Eth.CallAsync(call, block ?? BlockTag.Latest, cancellationToken).ConfigureAwait(false);
            return fn.DecodeOutput(output);
        }, Address, fn.Name);
    }

    /// <summary>The call as an unsent transaction, for <see cref="BatchSender"/> (which assigns nonces).</summary>
    public TransactionRequest BuildTransaction(Address from, string function, object?[] args, TxOptions? options = null)
    {
        var fn = Abi.GetFunction(function);
        return new TransactionRequest(from)
        {
            To = Address,
            Data = fn.EncodeCall(args),
            Gas = options?.Gas,
            Value = options?.Value,
            MaxFeePerGas = options?.MaxFeePerGas,
            MaxPriorityFeePerGas = options?.MaxPriorityFeePerGas,
        };
    }

    /// <summary>The same call as an eth_call request, for <see cref="ReadBatch"/>.</summary>
    public TransactionRequest BuildCall(string function, object?[] args) =>
        new(Address.Zero) { To = Address, Data = Abi.GetFunction(function).EncodeCall(args) };

    public object?[] DecodeOutput(string function, byte[] output) => Abi.GetFunction(function).DecodeOutput(output);

    public Task<TransactionReceipt> SendAsync(Address from, string function, object?[] args, TxOptions? options = null, CancellationToken cancellationToken = default) =>
        Session.SendAsync(BuildTransaction(from, function, args, options), Address, Abi.GetFunction(function).Name, cancellationToken);

    /// <summary>This contract's events of one kind in a receipt, in log order.</summary>
    protected IReadOnlyList<T> DecodeEvents<T>(TransactionReceipt receipt, string eventName, Func<DecodedEvent, T> map) =>
        DecodeEvents(receipt.Logs, eventName, map);

    public IReadOnlyList<T> DecodeEvents<T>(IEnumerable<LogEntry> logs, string eventName, Func<DecodedEvent, T> map)
    {
        var abiEvent = Abi.GetEvent(eventName);
        var result = new List<T>();
        foreach (var log in logs)
        {
            if (log.Address != Address || log.Topics.Count == 0 || !log.Topics[0].AsSpan().SequenceEqual(abiEvent.Topic0))
                continue;
            result.Add(map(abiEvent.Decode(log.Topics, log.Data)));
        }
        return result;
    }

    /// <summary>Logs of one event over a block range, decoded (eth_getLogs).</summary>
    public async Task<IReadOnlyList<DecodedEvent>> GetEventsAsync(string eventName, BlockTag fromBlock, BlockTag toBlock, CancellationToken cancellationToken = default)
    {
        var abiEvent = Abi.GetEvent(eventName);
        var filter = new LogFilter { Addresses = [Address], Topics = [[abiEvent.Topic0.ToArray()]], FromBlock = fromBlock, ToBlock = toBlock };
        var logs = await Session.Eth.GetLogsAsync(filter, cancellationToken).ConfigureAwait(false);
        return logs.Select(l => abiEvent.Decode(l.Topics, l.Data)).ToList();
    }
}
