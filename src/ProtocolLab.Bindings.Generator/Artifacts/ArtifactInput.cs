namespace ProtocolLab.Bindings.Generator.Artifacts;

/// <summary>
/// What the generator keeps of one artifact file. Only strings, so the incremental pipeline's
/// value equality skips regeneration when an artifact is rewritten with the same ABI.
/// </summary>
/// <param name="AbiJson">The artifact's "abi" member, character for character.</param>
/// <param name="Deployable">False for interfaces and abstract contracts (no creation code).</param>
internal sealed record ArtifactInput(string Path, string ContractName, string SourceName, string AbiJson, bool Deployable);

/// <summary>An artifact that could not be read; reported as a diagnostic naming the file.</summary>
internal sealed record ArtifactProblem(string Path, string Message, int Line, int Column);

/// <summary>Either an artifact to bind or a problem to report.</summary>
internal sealed record ArtifactReadResult(ArtifactInput? Artifact, ArtifactProblem? Problem);
