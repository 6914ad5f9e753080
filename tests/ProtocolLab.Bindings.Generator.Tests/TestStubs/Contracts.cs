using ProtocolLab.Chain.Abi;
using ProtocolLab.Chain.Artifacts;
using ProtocolLab.Chain.Hex;
using ProtocolLab.Chain.Rpc;

namespace ProtocolLab.Chain.Contracts;

public sealed record TxOptions(System.Numerics.BigInteger? Value = null);

/// <summary>Stand-in for a chain connection: answers calls from a script and records what is sent.</summary>
public sealed class ChainSession
{
    public Func<string, object?[], object?[]> OnCall { get; set; } = (_, _) => [];

    public List<TransactionRequest> Sent { get; } = [];

    public List<(ContractArtifact Artifact, object?[] Arguments)> Deployed { get; } = [];
}

public static class ContractAbiCache
{
    public static ContractAbi Get(string key, string abiJson) => new(abiJson);
}

public static class Deployer
{
    public static Task<Address> DeployAsync(ChainSession session, ContractArtifact artifact, Address from, object?[] constructorArguments, TxOptions? options, CancellationToken cancellationToken)
    {
        session.Deployed.Add((artifact, constructorArguments));
        return Task.FromResult(new Address("0xdeployed"));
    }
}

/// <summary>Stand-in for the base class of every generated binding, with the members the bindings call.</summary>
public abstract class Contract(ChainSession session, Address address, ContractAbi abi)
{
    public ChainSession Session { get; } = session;

    public Address Address { get; } = address;

    public ContractAbi Abi { get; } = abi;

    protected Task<object?[]> CallAsync(string signature, object?[] arguments, BlockTag? block, CancellationToken cancellationToken) =>
        Task.FromResult(Session.OnCall(signature, arguments));

    protected TransactionRequest BuildTransaction(Address from, string signature, object?[] arguments, TxOptions? options) =>
        new(from, Address, signature, arguments, options);

    protected Task<TransactionReceipt> SendAsync(Address from, string signature, object?[] arguments, TxOptions? options, CancellationToken cancellationToken)
    {
        Session.Sent.Add(BuildTransaction(from, signature, arguments, options));
        return Task.FromResult(new TransactionReceipt([]));
    }

    protected IReadOnlyList<T> DecodeEvents<T>(TransactionReceipt receipt, string eventName, Func<DecodedEvent, T> map) =>
        receipt.Events.Where(e => e.Name == eventName).Select(map).ToList();
}
