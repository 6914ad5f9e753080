using Microsoft.CodeAnalysis;

namespace ProtocolLab.Bindings.Generator;

internal static class GeneratorDiagnostics
{
    private const string Category = "ProtocolLab.Bindings";

    public static readonly DiagnosticDescriptor MalformedArtifact = new(
        "PLB001",
        "Malformed contract artifact",
        "Cannot read contract artifact '{0}': {1}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "An AdditionalFile under artifacts/contracts/ is not a readable Hardhat artifact, so no binding is generated for it.");

    public static readonly DiagnosticDescriptor UnsupportedAbi = new(
        "PLB002",
        "Contract ABI cannot be bound",
        "Cannot generate a binding for {0} from '{1}': {2}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The artifact's ABI has an entry or type the bindings generator does not understand.");
}
