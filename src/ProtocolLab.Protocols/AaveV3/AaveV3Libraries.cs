using ProtocolLab.Chain.Artifacts;
using ProtocolLab.Chain.Contracts;
using ProtocolLab.Chain.Hex;

namespace ProtocolLab.Protocols.AaveV3;

/// <summary>
/// Deploys the libraries an Aave artifact's linkReferences name (Pool: seven logic libraries,
/// PoolConfigurator: ConfiguratorLogic), each once, so the list follows the artifacts rather than
/// a copy of it here.
/// </summary>
internal sealed class AaveV3Libraries(ChainSession session, ArtifactStore artifacts, Address from)
{
    private readonly Dictionary<string, Address> _deployed = new(StringComparer.Ordinal);

    /// <summary>Addresses keyed "source:name", the form <see cref="ContractArtifact.LinkedBytecode"/> looks up first.</summary>
    public IReadOnlyDictionary<string, Address> Deployed => _deployed;

    public async Task<IReadOnlyDictionary<string, Address>> LinkAsync(ContractArtifact artifact, CancellationToken cancellationToken)
    {
        foreach (var link in artifact.LinkReferences)
        {
            var key = $"{link.SourceName}:{link.LibraryName}";
            if (_deployed.ContainsKey(key))
                continue;
            // The source path picks the library where a name is shared (the store's "path:Name" form).
            var library = artifacts.Get(key);
            var linked = await LinkAsync(library, cancellationToken).ConfigureAwait(false);
            _deployed[key] = await Deployer.DeployAsync(session, library, from, [], cancellationToken: cancellationToken, libraries: linked).ConfigureAwait(false);
        }
        return _deployed;
    }
}
