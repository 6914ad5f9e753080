using ProtocolLab.Chain.Artifacts;
using ProtocolLab.Chain.Hex;
using ProtocolLab.Chain.Rpc;

namespace ProtocolLab.Chain.Contracts;

/// <summary>Deploys artifacts: links libraries, appends constructor arguments, waits for the receipt.</summary>
public static class Deployer
{
    public static async Task<Address> DeployAsync(
        ChainSession session,
        ContractArtifact artifact,
        Address from,
        object?[] constructorArgs,
        TxOptions? options = null,
        CancellationToken cancellationToken = default,
        IReadOnlyDictionary<string, Address>? libraries = null)
    {
        session.RegisterErrors(artifact.Abi);
        var code = artifact.Abi.Constructor.EncodeDeployment(artifact.LinkedBytecode(libraries), constructorArgs);
        var request = new TransactionRequest(from)
        {
            Data = code,
            Gas = options?.Gas,
            Value = options?.Value,
            MaxFeePerGas = options?.MaxFeePerGas,
            MaxPriorityFeePerGas = options?.MaxPriorityFeePerGas,
        };
        var receipt = await session.SendAsync(request, Address.Zero, $"deploy {artifact.ContractName}", cancellationToken).ConfigureAwait(false);
        return receipt.ContractAddress
            ?? throw new UnexpectedNodeAnswerException($"deploy {artifact.ContractName}: receipt {receipt.TransactionHash} has no contract address");
    }

    public static async Task<Contract> DeployContractAsync(
        ChainSession session, ContractArtifact artifact, Address from, params object?[] constructorArgs)
    {
        var address = await DeployAsync(session, artifact, from, constructorArgs).ConfigureAwait(false);
        return new Contract(session, address, artifact.Abi);
    }
}
