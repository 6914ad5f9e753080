using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ProtocolLab.Chain.Devnets;

namespace ProtocolLab.Reports;

/// <summary>
/// What made the results, for the report's reproducibility line.
/// <para><see cref="Tool"/>: the informational version of the tool's assembly (the SDK appends the git commit: "1.0.0+5118543...").</para>
/// <para><see cref="Contracts"/>: "artifacts " + the first 12 hex digits of a SHA-256 over the compiled contracts
/// (artifacts/contracts/src/**/*.json: each file's repo-relative path, bytecode and deployedBytecode, in ordinal
/// path order). Bytecode carries the compiler's metadata hash, so any change to a contract's source, the compiler
/// or its settings changes the version, while ABI-only reformatting of the JSON does not.</para>
/// </summary>
public sealed record ReportVersions(string Tool, string Contracts)
{
    public const string Unknown = "unknown";

    /// <summary>Versions of <paramref name="tool"/> (the CLI's assembly) and of the artifacts in the repo at <paramref name="repoRoot"/> (default: found above the app).</summary>
    public static ReportVersions Detect(Assembly tool, string? repoRoot = null) =>
        new(ToolVersion(tool), ContractsVersion(repoRoot ?? RepoRoot.TryFind()));

    public static string ToolVersion(Assembly tool) =>
        tool.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? tool.GetName().Version?.ToString()
        ?? Unknown;

    public static string ContractsVersion(string? repoRoot)
    {
        var folder = repoRoot is null ? null : Path.Combine(repoRoot, "artifacts", "contracts", "src");
        if (folder is null || !Directory.Exists(folder))
        {
            return Unknown;
        }

        var files = Directory.GetFiles(folder, "*.json", SearchOption.AllDirectories)
            .Select(f => (Full: f, Relative: Path.GetRelativePath(repoRoot!, f).Replace('\\', '/')))
            .OrderBy(f => f.Relative, StringComparer.Ordinal)
            .ToList();
        if (files.Count == 0)
        {
            return Unknown;
        }

        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (full, relative) in files)
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(full));
            sha.AppendData(Encoding.UTF8.GetBytes(relative + "\n"));
            sha.AppendData(Encoding.UTF8.GetBytes(Field(json.RootElement, "bytecode") + "\n"));
            sha.AppendData(Encoding.UTF8.GetBytes(Field(json.RootElement, "deployedBytecode") + "\n"));
        }

        return "artifacts " + Convert.ToHexStringLower(sha.GetHashAndReset())[..12];
    }

    private static string Field(JsonElement artifact, string name) =>
        artifact.ValueKind == JsonValueKind.Object && artifact.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : "";
}
