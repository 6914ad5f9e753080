using System.Text;
using ProtocolLab.Simulation.Scenarios;

namespace ProtocolLab.Simulation.Tests.Scenarios;

public class ScenarioHashTests
{
    [Fact]
    public void Compute_Abc_IsTheFips180TestVector()
    {
        // Given the bytes "abc" (FIPS 180-2 example)
        var bytes = "abc"u8.ToArray();

        // When hashed
        var hash = ScenarioHash.Compute(bytes);

        // Then the result is the published SHA-256 digest
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", hash);
    }

    [Fact]
    public void Compute_CrlfAndBom_HashLikeLfWithoutBom()
    {
        // Given the same text saved on Windows (BOM, CRLF) and on Linux
        var linux = Encoding.UTF8.GetBytes("name: a\nseed: 1\n");
        var windows = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("name: a\r\nseed: 1\r\n")).ToArray();

        // When both are hashed
        // Then the hashes agree
        Assert.Equal(ScenarioHash.Compute(linux), ScenarioHash.Compute(windows));
    }

    [Fact]
    public void Parse_OneCharacterChanged_ChangesTheHash()
    {
        // Given the valid scenario and a variant with another seed
        var first = ScenarioYaml.Load(ScenarioYaml.Valid);

        // When the variant is loaded
        var second = ScenarioYaml.Load(ScenarioYaml.With("seed: 1", "seed: 2"));

        // Then the hashes differ
        Assert.NotEqual(first.Hash, second.Hash);
    }
}
