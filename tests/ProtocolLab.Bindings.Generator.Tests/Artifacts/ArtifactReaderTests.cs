using ProtocolLab.Bindings.Generator.Artifacts;
using ProtocolLab.Bindings.Generator.Tests.Support;

namespace ProtocolLab.Bindings.Generator.Tests.Artifacts;

public sealed class ArtifactReaderTests
{
    [Theory]
    [InlineData("/repo/artifacts/contracts/src/Lens.sol/Lens.json", true)]
    [InlineData(@"C:\repo\artifacts\contracts\src\Lens.sol\Lens.json", true)]
    [InlineData("artifacts/contracts/Lens.sol/Lens.json", true)]
    [InlineData("/repo/artifacts/build-info/abc.json", false)]
    [InlineData("/repo/artifacts/contracts/build-info/abc.json", false)]
    [InlineData("/repo/artifacts/contracts/src/Lens.sol/Lens.dbg.json", false)]
    [InlineData("/repo/artifacts/contracts/src/Lens.sol/artifacts.d.ts", false)]
    [InlineData("/repo/node_modules/@uniswap/v2-core/build/UniswapV2Pair.json", false)]
    public void IsCandidate_Path_MatchesOnlyContractArtifacts(string path, bool expected)
    {
        // Given an AdditionalFiles path
        // When it is checked
        // Then only artifacts/contracts/**/*.json (no build info, no debug file) qualifies
        Assert.Equal(expected, ArtifactReader.IsCandidate(path));
    }

    [Theory]
    [InlineData("contracts/src/Lens.sol", true)]
    [InlineData("contracts/src/interfaces/IERC20.sol", true)]
    [InlineData("contracts/test/fixtures/AggregatorV3Interface.sol", true)]
    [InlineData("contracts/test/Lens.t.sol", false)]
    [InlineData("contracts/src/Lens.t.sol", false)]
    [InlineData("contracts/test/utils/Handler.sol", false)]
    [InlineData("npm/@openzeppelin/contracts@5.0.0/token/ERC20/ERC20.sol", false)]
    public void IsBound_SourceName_KeepsOurContractsAndFixtures(string sourceName, bool expected)
    {
        // Given an artifact's sourceName
        // When it is checked
        // Then our contracts and the ABI fixtures are bound, Solidity tests and dependencies are not
        Assert.Equal(expected, ArtifactReader.IsBound(sourceName));
    }

    [Fact]
    public void Read_Interface_IsNotDeployableAndKeepsAbiText()
    {
        // Given an interface artifact: bytecode "0x"
        var (path, json) = TestArtifacts.Erc20();

        // When it is read
        var artifact = ArtifactReader.Read(path, json)!.Artifact!;

        // Then it has no creation code and its ABI is the artifact's text as written
        Assert.False(artifact.Deployable);
        Assert.Equal("IERC20", artifact.ContractName);
        Assert.StartsWith("[\n  { \"type\": \"function\", \"name\": \"balanceOf\"", artifact.AbiJson, StringComparison.Ordinal);
        Assert.EndsWith("]", artifact.AbiJson, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_BuildInfo_IsSkippedSilently()
    {
        // Given a build-info file that slipped through the path filter
        const string Json = """{ "_format": "hh3-sol-build-info-1", "id": "x", "input": {} }""";

        // When it is read
        var result = ArtifactReader.Read("/repo/artifacts/contracts/x.json", Json);

        // Then nothing is bound and nothing is reported
        Assert.Null(result);
    }

    [Fact]
    public void Read_MalformedJson_ReportsPositionInFile()
    {
        // Given an artifact cut off mid-entry
        var (path, json) = TestArtifacts.Malformed();

        // When it is read
        var problem = ArtifactReader.Read(path, json)!.Problem!;

        // Then the problem names the file and the zero-based line of the error
        Assert.Equal(path, problem.Path);
        Assert.Equal(3, problem.Line);
        Assert.Contains("malformed JSON", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ObjectWithoutAbi_IsReportedAsNotAnArtifact()
    {
        // Given JSON that is valid but lacks the artifact members
        const string Json = """{ "contractName": "X", "sourceName": "contracts/src/X.sol" }""";

        // When it is read
        var problem = ArtifactReader.Read("/repo/artifacts/contracts/src/X.sol/X.json", Json)!.Problem!;

        // Then it is a problem, not a silent skip
        Assert.Contains("\"abi\"", problem.Message, StringComparison.Ordinal);
    }
}
