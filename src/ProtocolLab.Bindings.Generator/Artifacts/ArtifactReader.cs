using System;
using ProtocolLab.Bindings.Generator.Json;

namespace ProtocolLab.Bindings.Generator.Artifacts;

/// <summary>Decides which AdditionalFiles are artifacts of our contracts and reads them.</summary>
internal static class ArtifactReader
{
    /// <summary>A path under <c>artifacts/contracts/</c> ending in <c>.json</c>, not a build-info or debug file.</summary>
    public static bool IsCandidate(string path)
    {
        var normalized = path.Replace('\\', '/');
        if (!normalized.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            || normalized.EndsWith(".dbg.json", StringComparison.OrdinalIgnoreCase)
            || normalized.IndexOf("/build-info/", StringComparison.Ordinal) >= 0)
            return false;
        return normalized.StartsWith("artifacts/contracts/", StringComparison.Ordinal)
            || normalized.IndexOf("/artifacts/contracts/", StringComparison.Ordinal) >= 0;
    }

    /// <summary>
    /// Our repo's contracts, and the ABI fixtures under contracts/test/fixtures/; not Solidity
    /// tests (*.t.sol, contracts/test/) and not npm dependencies compiled alongside.
    /// </summary>
    public static bool IsBound(string sourceName)
    {
        if (!sourceName.StartsWith("contracts/", StringComparison.Ordinal))
            return false;
        if (sourceName.EndsWith(".t.sol", StringComparison.Ordinal))
            return false;
        return !sourceName.StartsWith("contracts/test/", StringComparison.Ordinal)
            || sourceName.StartsWith("contracts/test/fixtures/", StringComparison.Ordinal);
    }

    /// <returns>Null when the file is valid but not one to bind (build info, a test contract, a dependency).</returns>
    public static ArtifactReadResult? Read(string path, string? text)
    {
        if (text is null)
            return Problem(path, "the file could not be read", text, 0);
        JsonNode root;
        try
        {
            root = JsonParser.Parse(text);
        }
        catch (JsonException e)
        {
            return Problem(path, "malformed JSON: " + e.Message, text, e.Offset);
        }

        if (root is not JsonObject artifact)
            return Problem(path, "not a Hardhat artifact: the JSON is not an object", text, root.Start);
        var format = artifact.GetString("_format");
        if (format is not null && format.StartsWith("hh3-sol-build-info", StringComparison.Ordinal))
            return null;

        var contractName = artifact.GetString("contractName");
        var sourceName = artifact.GetString("sourceName");
        if (contractName is null || sourceName is null)
            return Problem(path, "not a Hardhat artifact: it needs string members \"contractName\" and \"sourceName\"", text, root.Start);
        if (!IsBound(sourceName))
            return null;
        if (artifact.Get("abi") is not JsonArray abi)
            return Problem(path, "not a Hardhat artifact: it needs an array member \"abi\"", text, root.Start);

        var bytecode = artifact.GetString("bytecode") ?? "";
        var deployable = bytecode.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? bytecode.Length > 2 : bytecode.Length > 0;
        var abiJson = text.Substring(abi.Start, abi.End - abi.Start);
        return new ArtifactReadResult(new ArtifactInput(path, contractName, sourceName, abiJson, deployable), null);
    }

    private static ArtifactReadResult Problem(string path, string message, string? text, int offset)
    {
        var (line, column) = LineColumn(text ?? "", offset);
        return new ArtifactReadResult(null, new ArtifactProblem(path, message, line, column));
    }

    /// <returns>Zero-based line and column of <paramref name="offset"/>.</returns>
    private static (int Line, int Column) LineColumn(string text, int offset)
    {
        int line = 0, lineStart = 0;
        for (var i = 0; i < offset && i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }
        return (line, Math.Max(0, Math.Min(offset, text.Length) - lineStart));
    }
}
