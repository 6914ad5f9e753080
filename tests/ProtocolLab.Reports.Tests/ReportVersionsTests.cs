using System.Reflection;
using ProtocolLab.Chain.Devnets;

namespace ProtocolLab.Reports.Tests;

public sealed class ReportVersionsTests : IDisposable
{
    private readonly string _repo = Directory.CreateTempSubdirectory("protocollab-versions-").FullName;

    [Fact]
    public void ContractsVersion_SameBytecode_IsStableAndShort()
    {
        // Given
        WriteArtifact("lending/Pool.sol/Pool.json", "0x6001", "0x6002");

        // When
        var first = ReportVersions.ContractsVersion(_repo);
        var second = ReportVersions.ContractsVersion(_repo);

        // Then
        Assert.Matches("^artifacts [0-9a-f]{12}$", first);
        Assert.Equal(first, second);
    }

    [Fact]
    public void ContractsVersion_BytecodeChanges_Changes()
    {
        // Given
        WriteArtifact("lending/Pool.sol/Pool.json", "0x6001", "0x6002");
        var before = ReportVersions.ContractsVersion(_repo);

        // When
        WriteArtifact("lending/Pool.sol/Pool.json", "0x6001", "0x6003");

        // Then
        Assert.NotEqual(before, ReportVersions.ContractsVersion(_repo));
    }

    [Fact]
    public void ContractsVersion_NoArtifacts_IsUnknown()
    {
        // Given / When / Then
        Assert.Equal(ReportVersions.Unknown, ReportVersions.ContractsVersion(_repo));
        Assert.Equal(ReportVersions.Unknown, ReportVersions.ContractsVersion(null));
    }

    [Fact]
    public void Detect_ThisRepo_ReadsTheAssemblyAndTheCompiledContracts()
    {
        // Given / When
        var versions = ReportVersions.Detect(typeof(HtmlReport).Assembly, RepoRoot.Find());

        // Then
        Assert.Equal(typeof(HtmlReport).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion, versions.Tool);
        Assert.Matches("^artifacts [0-9a-f]{12}$", versions.Contracts);
    }

    public void Dispose() => Directory.Delete(_repo, recursive: true);

    private void WriteArtifact(string relative, string bytecode, string deployed)
    {
        var path = Path.Combine(_repo, "artifacts", "contracts", "src", relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, $$"""{ "abi": [], "bytecode": "{{bytecode}}", "deployedBytecode": "{{deployed}}" }""");
    }
}
