using ProtocolLab.Simulation.Paths;
using ProtocolLab.Simulation.Randomness;
using ProtocolLab.Simulation.Scenarios;

namespace ProtocolLab.Simulation.Tests.Paths;

public class JumpDiffusionPathTests
{
    [Fact]
    public void Generate_ManyBlocks_JumpCountMatchesIntensity()
    {
        // Given 20,000 jumps a year at 12-second blocks over 200,000 blocks: about 1,522 jumps expected
        const int blocks = 200_000;
        var spec = new JumpPathSpec(0, 0.5, 20_000, -0.02, 0.01);
        var dt = 12 / GbmPath.SecondsPerYear;

        // When the path is generated
        var sample = JumpDiffusionPath.Generate(100, blocks, 12, spec, SeededRandom.FromSeed(77));

        // Then the number of jumps is Poisson(lambda dt blocks) within 4 standard deviations
        var expected = spec.Intensity * dt * blocks;
        Assert.InRange(sample.JumpsPerBlock.Sum(), expected - (4 * Math.Sqrt(expected)), expected + (4 * Math.Sqrt(expected)));
    }

    [Fact]
    public void Generate_NoDiffusionAndFixedJumps_MovesOnlyOnJumpBlocksByJumpSize()
    {
        // Given sigma 0, jump stdev 0 and zero drift after compensation (mu = 0 leaves -lambda k dt)
        var spec = new JumpPathSpec(0, 0, 50_000, -0.1, 0);
        var dt = 12 / GbmPath.SecondsPerYear;
        var compensation = -spec.Intensity * (Math.Exp(-0.1) - 1) * dt;

        // When the path is generated
        var sample = JumpDiffusionPath.Generate(100, 5000, 12, spec, SeededRandom.FromSeed(3));

        // Then each block's log return is the compensating drift plus -0.1 per jump
        for (var b = 1; b <= 5000; b++)
        {
            var logReturn = Math.Log(sample.Path.PriceAt(b) / sample.Path.PriceAt(b - 1));
            Assert.Equal(compensation + (-0.1 * sample.JumpsPerBlock[b]), logReturn, 9);
        }

        Assert.True(sample.JumpsPerBlock.Sum() > 0);
    }

    [Fact]
    public void Generate_ManyPaths_MeanPriceGrowsAtMu()
    {
        // Given the compensated drift, E[S_t] = S_0 e^(mu t) regardless of jumps
        var spec = new JumpPathSpec(0.0, 0.3, 5000, -0.05, 0.02);
        var finals = new List<double>();

        // When 4,000 independent short paths are generated
        for (var i = 0; i < 4000; i++)
        {
            var sample = JumpDiffusionPath.Generate(100, 50, 12, spec, SeededRandom.ForStream(1, i, "price-path"));
            finals.Add(sample.Path.PriceAt(50));
        }

        // Then the average final price is 100 within 0.5%
        Assert.InRange(finals.Average(), 99.5, 100.5);
    }
}
