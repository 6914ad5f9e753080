using System;
using System.Collections.Generic;
using System.Linq;
using ProtocolLab.Bindings.Generator.Emit;

namespace ProtocolLab.Bindings.Generator.Artifacts;

/// <summary>
/// One C# class name per artifact. A contract name used in several source files gets the PascalCase
/// name of its folder as a suffix (lending/Pool.sol and amm/Pool.sol give PoolLending and PoolAmm).
/// </summary>
internal static class ClassNames
{
    /// <param name="artifacts">Sorted, so the same inputs always give the same names.</param>
    public static IReadOnlyList<(ArtifactInput Artifact, string ClassName)> Assign(IReadOnlyList<ArtifactInput> artifacts)
    {
        var scope = new NameScope([]);
        var shared = new HashSet<string>(
            artifacts.GroupBy(a => a.ContractName, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key),
            StringComparer.Ordinal);
        return artifacts
            .Select(a => (a, Identifiers.Escape(scope.Claim(Candidate(a, shared.Contains(a.ContractName))))))
            .ToList();
    }

    private static string Candidate(ArtifactInput artifact, bool shared)
    {
        var name = Identifiers.Sanitize(artifact.ContractName);
        if (!shared)
            return name;
        var segments = artifact.SourceName.Split('/');
        var folder = segments.Length >= 2 ? segments[segments.Length - 2] : "";
        return name + Identifiers.Pascal(folder);
    }
}
