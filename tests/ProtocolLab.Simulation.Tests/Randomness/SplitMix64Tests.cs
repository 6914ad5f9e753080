using ProtocolLab.Simulation.Randomness;

namespace ProtocolLab.Simulation.Tests.Randomness;

public class SplitMix64Tests
{
    [Fact]
    public void Next_Seed1234567_MatchesReferenceImplementation()
    {
        // Given the published test vector of Vigna's splitmix64.c for seed 1234567
        var generator = new SplitMix64(1234567);

        // When the first five outputs are drawn
        var outputs = Enumerable.Range(0, 5).Select(_ => generator.Next()).ToArray();

        // Then they equal the reference outputs
        Assert.Equal(
            [6457827717110365317UL, 3203168211198807973UL, 9817491932198370423UL, 4593380528125082431UL, 16408922859458223821UL],
            outputs);
    }
}
