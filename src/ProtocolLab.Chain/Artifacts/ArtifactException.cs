namespace ProtocolLab.Chain.Artifacts;

/// <summary>An artifact that is missing or not in a shape we can deploy from; names the file.</summary>
public sealed class ArtifactException(string origin, string problem)
    : ProtocolLabException($"{origin}: {problem}")
{
    public string Origin { get; } = origin;
}
