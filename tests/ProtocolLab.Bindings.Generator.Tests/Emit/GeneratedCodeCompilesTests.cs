using ProtocolLab.Bindings.Generator.Tests.Support;

namespace ProtocolLab.Bindings.Generator.Tests.Emit;

public sealed class GeneratedCodeCompilesTests
{
    [Fact]
    public void Compile_AllFixturesAgainstRuntimeStub_HasNoErrorsOrWarnings()
    {
        // Given every fixture artifact, the malformed one included
        var run = GeneratorHarness.Run(TestArtifacts.All());

        // When the generated code is compiled against the runtime stub
        var problems = run.CompilationProblems();

        // Then it builds cleanly under nullable and warnings-as-errors rules
        Assert.True(problems.Count == 0, string.Join("\n", problems) + "\n\n" + string.Join("\n\n", run.Sources.Values));
        Assert.NotEmpty(run.Sources);
    }
}
