using System.Reflection;
using ProtocolLab.Chain.Devnets;
using ProtocolLab.Protocols.MorphoBlue;

namespace ProtocolLab.Protocols.Tests.MorphoBlue;

public sealed class MorphoBlueErrorsTests
{
    [Fact]
    public void Constants_EachIsARevertStringOfMorphosErrorsLib()
    {
        // Given the ErrorsLib.sol that Morpho.sol was compiled with
        var source = File.ReadAllText(Path.Combine(RepoRoot.Find(), "node_modules", "@morpho-org", "morpho-blue", "src", "libraries", "ErrorsLib.sol"));
        var constants = typeof(MorphoBlueErrors).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetRawConstantValue()!).ToList();

        // Then every string the harness names is one Morpho reverts with, word for word
        Assert.NotEmpty(constants);
        Assert.All(constants, text => Assert.Contains($"= \"{text}\";", source, StringComparison.Ordinal));
    }
}
