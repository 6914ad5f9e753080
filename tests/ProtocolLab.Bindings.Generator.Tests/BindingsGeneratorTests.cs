using Microsoft.CodeAnalysis;
using ProtocolLab.Bindings.Generator.Tests.Support;

namespace ProtocolLab.Bindings.Generator.Tests;

/// <summary>Which artifacts become bindings, what is reported, and how the pipeline behaves across runs.</summary>
public sealed class BindingsGeneratorTests
{
    [Fact]
    public void Generate_SolidityTestsHelpersAndDependencies_AreSkipped()
    {
        // Given our contracts, a fixture under contracts/test/fixtures/, a .t.sol test, a test helper and an npm dependency
        // When the generator runs
        var run = GeneratorHarness.Run(TestArtifacts.All());

        // Then only our contracts and the fixture are bound, one file each
        Assert.Equal(["AggregatorV3Interface.g.cs", "IERC20.g.cs", "Lens.g.cs"], run.Sources.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Generate_MalformedJson_ReportsDiagnosticNamingFileAndBindsTheRest()
    {
        // Given a malformed artifact among good ones
        var (path, _) = TestArtifacts.Malformed();

        // When the generator runs
        var run = GeneratorHarness.Run(TestArtifacts.All());

        // Then one PLB001 error points into that file, and the other contracts are still generated
        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("PLB001", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Contains(path, diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Equal(path, diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(3, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains("Lens.g.cs", run.Sources.Keys);
    }

    [Fact]
    public void Generate_UnknownAbiType_ReportsDiagnosticInsteadOfBinding()
    {
        // Given an ABI with a type Solidity never emits
        var artifact = TestArtifacts.Artifact("Odd", "contracts/src/Odd.sol", """
            [ { "type": "function", "name": "f", "stateMutability": "view", "inputs": [ { "name": "x", "type": "fixed128x18" } ], "outputs": [] } ]
            """);

        // When the generator runs
        var run = GeneratorHarness.Run([artifact]);

        // Then PLB002 names the contract and the type, and no half-made binding is emitted
        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("PLB002", diagnostic.Id);
        Assert.Contains("contracts/src/Odd.sol:Odd", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("fixed128x18", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void Generate_NoNamespaceProperty_UsesDefaultNamespace()
    {
        // Given no ProtocolLabBindingsNamespace
        // When the generator runs
        var run = GeneratorHarness.Run([TestArtifacts.Erc20()]);

        // Then the bindings live in ProtocolLab.Protocols.Bindings
        Assert.Contains("namespace ProtocolLab.Protocols.Bindings\n", run.Source("IERC20.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_NamespaceProperty_SetsRootNamespace()
    {
        // Given ProtocolLabBindingsNamespace=Acme.Bindings
        // When the generator runs
        var run = GeneratorHarness.Run([TestArtifacts.Lens()], rootNamespace: "Acme.Bindings");

        // Then the bindings and their self-references use it, and still compile
        var lens = run.Source("Lens.g.cs");
        Assert.Contains("namespace Acme.Bindings\n", lens, StringComparison.Ordinal);
        Assert.Contains("global::Acme.Bindings.Lens.PositionView", lens, StringComparison.Ordinal);
        Assert.Empty(run.CompilationProblems());
    }

    [Fact]
    public void Generate_SameContractNameInTwoFolders_SuffixesFolderName()
    {
        // Given two contracts named Pool in different folders
        const string Abi = """[ { "type": "function", "name": "fee", "stateMutability": "view", "inputs": [], "outputs": [ { "name": "", "type": "uint24" } ] } ]""";
        var amm = TestArtifacts.Artifact("Pool", "contracts/src/amm/Pool.sol", Abi);
        var lending = TestArtifacts.Artifact("Pool", "contracts/src/lending/Pool.sol", Abi);

        // When the generator runs
        var run = GeneratorHarness.Run([lending, amm]);

        // Then each class is named after its folder, keeps its own artifact name, and both compile
        Assert.Equal(["PoolAmm.g.cs", "PoolLending.g.cs"], run.Sources.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("public const string ArtifactName = \"contracts/src/amm/Pool.sol:Pool\";", run.Source("PoolAmm.g.cs"), StringComparison.Ordinal);
        Assert.Contains("public sealed partial class PoolLending ", run.Source("PoolLending.g.cs"), StringComparison.Ordinal);
        Assert.Empty(run.CompilationProblems());
    }

    [Fact]
    public void Generate_ContractNamedErrors_NestedErrorListStepsAside()
    {
        // Given an errors library, contract Errors, whose ABI lists custom errors
        var artifact = TestArtifacts.Artifact("Errors", "contracts/src/libraries/Errors.sol", """
            [ { "type": "error", "name": "ZeroAddress", "inputs": [] } ]
            """);

        // When the generator runs
        var run = GeneratorHarness.Run([artifact]);

        // Then the nested list cannot share the class's name, so it takes a '_', and the binding compiles
        Assert.Contains("public static class Errors_", run.Source("Errors.g.cs"), StringComparison.Ordinal);
        Assert.Empty(run.CompilationProblems());
    }

    [Fact]
    public void Generate_OverloadedEvents_DistinctRecordsLookedUpBySignature()
    {
        // Given two events that share a name
        var artifact = TestArtifacts.Artifact("Mover", "contracts/src/Mover.sol", """
            [ { "type": "event", "name": "Moved", "anonymous": false, "inputs": [ { "name": "to", "type": "address", "indexed": false } ] },
              { "type": "event", "name": "Moved", "anonymous": false, "inputs": [ { "name": "amount", "type": "uint256", "indexed": false } ] } ]
            """);

        // When the generator runs
        var mover = GeneratorHarness.Run([artifact]).Source("Mover.g.cs");

        // Then each gets its own record, and the runtime is asked for it by full signature since the name is ambiguous
        Assert.Contains("DecodeMovedEvents(global::ProtocolLab.Chain.Rpc.TransactionReceipt receipt)\n            => DecodeEvents(receipt, \"Moved(address)\",", mover, StringComparison.Ordinal);
        Assert.Contains("DecodeMoved2Events(global::ProtocolLab.Chain.Rpc.TransactionReceipt receipt)\n            => DecodeEvents(receipt, \"Moved(uint256)\",", mover, StringComparison.Ordinal);
        Assert.Contains("public sealed record Moved2Event(global::System.Numerics.BigInteger Amount)", mover, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_InputOrderReversed_OutputIdentical()
    {
        // Given the same artifacts in two orders
        var forward = GeneratorHarness.Run(TestArtifacts.All());
        var backward = GeneratorHarness.Run(TestArtifacts.All().Reverse());

        // When / Then every generated file is byte-for-byte the same
        Assert.Equal(forward.Sources.OrderBy(s => s.Key, StringComparer.Ordinal), backward.Sources.OrderBy(s => s.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void Generate_RerunWithUnchangedArtifacts_ReusesCachedOutput()
    {
        // Given a run over the fixtures
        var first = GeneratorHarness.Run(TestArtifacts.All());

        // When the same driver runs again with nothing changed
        var second = first.RunAgain();

        // Then the source output step is served from the cache
        var outputs = second.Result.Results.Single().TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(step => step.Outputs);
        Assert.All(outputs, output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
        Assert.Equal(first.Sources, second.Sources);
    }
}
