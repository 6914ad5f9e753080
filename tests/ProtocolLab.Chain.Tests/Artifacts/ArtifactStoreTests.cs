using ProtocolLab.Chain.Artifacts;
using ProtocolLab.Chain.Hex;
using ProtocolLab.Chain.Tests.TestSupport;

namespace ProtocolLab.Chain.Tests.Artifacts;

public sealed class ArtifactStoreTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("protocollab-artifacts-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Get_UniswapBuildFormat_LoadsAbiAndUnprefixedBytecode()
    {
        // Given the Uniswap V2 npm package's build folder (no 0x prefix, no contractName)
        var store = ArtifactStore.ForRepository(TestRepo.Root);

        // When the factory and the pair are loaded
        var factory = store.Get("UniswapV2Factory");
        var pair = store.Get("UniswapV2Pair");

        // Then the name comes from the file and both are deployable with their functions
        Assert.Equal("UniswapV2Factory", factory.ContractName);
        Assert.True(factory.IsDeployable);
        Assert.True(factory.Abi.TryGetFunction("createPair", out _));
        Assert.True(pair.Abi.TryGetFunction("getReserves", out _));
        Assert.Equal(0x60, factory.LinkedBytecode()[0]);
    }

    [Fact]
    public void Get_MorphoBlue_LoadsTheRepoBuildOfItsSourcesWithEventsFromEventsLib()
    {
        // Given the repo's build of Morpho Blue's npm sources (solc 0.8.19, under artifacts/@morpho-org)
        var store = ArtifactStore.ForRepository(TestRepo.Root);

        // When Morpho and its events library are loaded
        var morpho = store.Get("Morpho");
        var events = store.Get("EventsLib");

        // Then Morpho deploys without links, and its Liquidate event is found only in EventsLib
        // (solc 0.8.19 leaves library events out of the emitting contract's ABI)
        Assert.Equal("@morpho-org/morpho-blue/src/Morpho.sol", morpho.SourceName);
        Assert.True(morpho.IsDeployable);
        Assert.False(morpho.NeedsLinking);
        Assert.True(morpho.Abi.TryGetFunction("liquidate", out _));
        Assert.False(morpho.Abi.TryGetEvent("Liquidate", out _));
        Assert.True(events.Abi.TryGetEvent("Liquidate", out _));
    }

    [Fact]
    public void Get_SameNameInTwoRoots_EarlierRootShadowsLater()
    {
        Write("first/A.json", Artifact("A", "0x6001"));
        Write("second/A.json", Artifact("A", "0x6002"));
        var store = new ArtifactStore([Path.Combine(_root, "first"), Path.Combine(_root, "second")]);

        Assert.Equal([0x60, 0x01], store.Get("A").LinkedBytecode());
    }

    [Fact]
    public void Get_SameNameTwiceInOneRoot_IsAmbiguousUnlessQualified()
    {
        Write("root/x/Lib.sol/A.json", Artifact("A", "0x6001"));
        Write("root/y/Lib.sol/A.json", Artifact("A", "0x6002"));
        var store = new ArtifactStore([Path.Combine(_root, "root")]);

        var error = Assert.Throws<ArtifactException>(() => store.Get("A"));
        Assert.Contains("ambiguous", error.Message, StringComparison.Ordinal);
        Assert.Equal([0x60, 0x02], store.Get("y/Lib.sol:A").LinkedBytecode());
    }

    [Fact]
    public void Get_UnknownName_SaysWhereItLookedAndHowToBuild()
    {
        var store = new ArtifactStore([_root]);

        var error = Assert.Throws<ArtifactException>(() => store.Get("Nope"));

        Assert.Contains(_root, error.Message, StringComparison.Ordinal);
        Assert.Contains("dotnet build", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LinkedBytecode_PlaceholderAtOffsets_WritesAddressAtEveryReference()
    {
        // Given creation code with a 20-byte placeholder at bytes 2 and 24
        var placeholder = "__$0123456789abcdef0123456789abcdef01$__";
        var code = "0x6000" + placeholder + "6001" + placeholder;
        var json = """{"contractName":"U","sourceName":"contracts/U.sol","abi":[],"bytecode":"CODE","linkReferences":{"contracts/L.sol":{"L":[{"start":2,"length":20},{"start":24,"length":20}]}}}"""
            .Replace("CODE", code, StringComparison.Ordinal);
        Write("U.json", json);
        var artifact = ContractArtifact.Load(Path.Combine(_root, "U.json"));
        var library = Address.Parse("0x00000000000000000000000000000000000000aa");

        // When linked, Then the address sits at both offsets and no placeholder is left
        var linked = artifact.LinkedBytecode(new Dictionary<string, Address> { ["contracts/L.sol:L"] = library });
        Assert.Equal(library.Bytes.ToArray(), linked[2..22]);
        Assert.Equal(library.Bytes.ToArray(), linked[24..44]);
        Assert.Throws<ArtifactException>(() => artifact.LinkedBytecode());
    }

    [Fact]
    public void Load_MalformedJson_NamesFileAndLine()
    {
        Write("bad.json", "{\n\"abi\": [\n");

        var error = Assert.Throws<ArtifactException>(() => ContractArtifact.Load(Path.Combine(_root, "bad.json")));

        Assert.Contains("bad.json", error.Message, StringComparison.Ordinal);
        Assert.Contains("line", error.Message, StringComparison.Ordinal);
    }

    private static string Artifact(string name, string bytecode) =>
        $$$"""{"contractName":"{{{name}}}","sourceName":"contracts/{{{name}}}.sol","abi":[],"bytecode":"{{{bytecode}}}","linkReferences":{}}""";

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
