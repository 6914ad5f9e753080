using ProtocolLab.Simulation.Paths;
using ProtocolLab.Simulation.Randomness;

namespace ProtocolLab.Simulation.Tests.Paths;

public class GbmPathTests
{
    [Fact]
    public void Generate_ManyBlocks_LogReturnsHaveItoMeanAndVariance()
    {
        // Given GBM with mu 0.5 and sigma 0.8 a year, 12-second blocks
        const int blocks = 200_000;
        const double mu = 0.5;
        const double sigma = 0.8;
        var dt = 12 / GbmPath.SecondsPerYear;
        var path = GbmPath.Generate(100, blocks, 12, mu, sigma, SeededRandom.FromSeed(31));

        // When per-block log returns are measured
        var returns = Enumerable.Range(1, blocks).Select(b => Math.Log(path.PriceAt(b) / path.PriceAt(b - 1))).ToArray();
        var mean = returns.Average();
        var variance = returns.Sum(r => (r - mean) * (r - mean)) / (blocks - 1);

        // Then the mean is (mu - sigma^2/2) dt within 4 standard errors and the variance sigma^2 dt within 2%
        var expectedMean = (mu - (sigma * sigma / 2)) * dt;
        var standardError = sigma * Math.Sqrt(dt / blocks);
        Assert.InRange(mean, expectedMean - (4 * standardError), expectedMean + (4 * standardError));
        Assert.InRange(variance, sigma * sigma * dt * 0.98, sigma * sigma * dt * 1.02);
    }

    [Fact]
    public void Generate_SameSeed_IsIdenticalAndStartsAtInitialPrice()
    {
        // Given two generations from the same seed
        var a = GbmPath.Generate(2000, 100, 12, 0, 1, SeededRandom.FromSeed(5));
        var b = GbmPath.Generate(2000, 100, 12, 0, 1, SeededRandom.FromSeed(5));

        // When / Then they are identical and block 0 is the initial price
        Assert.Equal(2000, a.PriceAt(0));
        Assert.Equal(Enumerable.Range(0, 101).Select(a.PriceAt), Enumerable.Range(0, 101).Select(b.PriceAt));
    }

    [Fact]
    public void Generate_ZeroSigma_IsDeterministicExponentialGrowth()
    {
        // Given no volatility and a 10% annual drift
        var path = GbmPath.Generate(100, 1000, 12, 0.1, 0, SeededRandom.FromSeed(1));

        // When the last price is read
        // Then it is 100 e^(0.1 t) exactly as the ODE solution
        Assert.Equal(100 * Math.Exp(0.1 * 1000 * 12 / GbmPath.SecondsPerYear), path.PriceAt(1000), 9);
    }
}
