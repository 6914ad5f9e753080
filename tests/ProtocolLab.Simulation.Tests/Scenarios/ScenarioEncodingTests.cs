using ProtocolLab.Simulation.Scenarios;

namespace ProtocolLab.Simulation.Tests.Scenarios;

public class ScenarioEncodingTests
{
    [Fact]
    public void Load_NonUtf8File_IsAnErrorNamingFileLineAndByteOffset()
    {
        // Given a scenario saved as Latin-1: an 0xE9 ('é') in the description on line 3
        var path = Path.Combine(Directory.CreateTempSubdirectory("protocollab-").FullName, "latin1.yaml");
        var text = ScenarioYaml.Valid.Replace("seed: 1\n", "seed: 1\ndescription: caf\u00e9\n");
        var bytes = System.Text.Encoding.Latin1.GetBytes(text);
        File.WriteAllBytes(path, bytes);
        var offset = Array.IndexOf(bytes, (byte)0xE9);

        // When it is loaded
        var exception = Assert.Throws<ScenarioLoadException>(() => ScenarioLoader.Load(path, "latin1.yaml"));

        // Then one error names the file, the line, the byte offset and the encoding expected
        var error = Assert.Single(exception.Errors).ToString();
        Assert.StartsWith("latin1.yaml:3:", error);
        Assert.Contains($"expected UTF-8 text, found byte 0xE9 at byte offset {offset}", error);
    }

    [Fact]
    public void Parse_UnclosedFlowMapping_NamesTheLineOfItsBrace()
    {
        // Given an unclosed flow mapping on line 5, its brace in column 15
        var yaml = ScenarioYaml.With("collateral: { symbol: WETH, decimals: 18 }", "collateral: { symbol: WETH, decimals: 18");

        // When it is loaded
        var error = Assert.Single(ScenarioYaml.Errors(yaml));

        // Then the error points at the brace that is never closed
        Assert.StartsWith("test.yaml:5:15: (syntax): expected a '}' closing this '{'", error);
    }
}
