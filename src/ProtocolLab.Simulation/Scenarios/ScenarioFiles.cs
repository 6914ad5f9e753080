using YamlDotNet.RepresentationModel;

namespace ProtocolLab.Simulation.Scenarios;

/// <summary>Files a scenario names (a price series, imported positions): found relative to the scenario, and only beside it or below.</summary>
internal static class ScenarioFiles
{
    /// <summary>
    /// The full path of <paramref name="file"/>, read from <paramref name="field"/> of <paramref name="reader"/>,
    /// or null (with the error recorded) when it is empty, outside the scenario's folder or missing.
    /// </summary>
    public static string? Locate(MappingReader reader, string field, string file, string scenarioDirectory)
    {
        if (file.Length == 0)
            return null;
        var fullPath = Path.GetFullPath(Path.Combine(scenarioDirectory, file));
        var node = reader.Node.Children[new YamlScalarNode(field)];
        if (!IsInside(fullPath, scenarioDirectory))
        {
            reader.Errors.Add(node, reader.FieldPath(field), $"expected a CSV file inside the scenario's folder {Path.GetFullPath(scenarioDirectory)}, found a path outside it");
            return null;
        }
        if (!File.Exists(fullPath))
        {
            reader.Errors.Add(node, reader.FieldPath(field), $"expected an existing CSV file, found no file at {fullPath}");
            return null;
        }
        return fullPath;
    }

    /// <summary>
    /// A scenario reads only files beside it or below: a shared scenario must not make the harness read
    /// (and quote in errors) whatever its path points at. Links are followed before the check.
    /// </summary>
    public static bool IsInside(string fullPath, string directory)
    {
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory)) + Path.DirectorySeparatorChar;
        if (!fullPath.StartsWith(root, StringComparison.Ordinal))
            return false;
        var target = File.Exists(fullPath) ? new FileInfo(fullPath).ResolveLinkTarget(returnFinalTarget: true) : null;
        return target is null || target.FullName.StartsWith(root, StringComparison.Ordinal);
    }
}
