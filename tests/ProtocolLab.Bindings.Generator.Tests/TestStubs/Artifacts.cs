namespace ProtocolLab.Chain.Artifacts;

public sealed record ContractArtifact(string Name);

public sealed class ArtifactStore
{
    public ContractArtifact Get(string name) => new(name);
}
