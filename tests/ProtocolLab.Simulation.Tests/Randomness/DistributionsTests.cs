using ProtocolLab.Simulation.Randomness;

namespace ProtocolLab.Simulation.Tests.Randomness;

public class DistributionsTests
{
    private const int N = 100_000;

    [Fact]
    public void Poisson_SmallMean_HasMeanAndVarianceLambda()
    {
        // Given lambda = 3
        var random = SeededRandom.FromSeed(5);

        // When many counts are drawn
        var draws = Enumerable.Range(0, N).Select(_ => (double)random.Poisson(3)).ToArray();
        var (mean, variance) = Moments(draws);

        // Then mean and variance are both close to 3 (Poisson)
        Assert.InRange(mean, 3 - (4 * Math.Sqrt(3.0 / N)), 3 + (4 * Math.Sqrt(3.0 / N)));
        Assert.InRange(variance, 2.9, 3.1);
    }

    [Fact]
    public void Poisson_LargeMean_IsSplitAndStillHasMeanLambda()
    {
        // Given lambda = 80, above the split limit of Knuth's method
        var random = SeededRandom.FromSeed(6);

        // When many counts are drawn
        var draws = Enumerable.Range(0, 20_000).Select(_ => (double)random.Poisson(80)).ToArray();
        var (mean, variance) = Moments(draws);

        // Then the sum of two Poisson(40) behaves as Poisson(80)
        Assert.InRange(mean, 80 - (4 * Math.Sqrt(80.0 / 20_000)), 80 + (4 * Math.Sqrt(80.0 / 20_000)));
        Assert.InRange(variance, 76, 84);
    }

    [Fact]
    public void Beta_Alpha8Beta2_HasTextbookMeanAndVariance()
    {
        // Given Beta(8, 2): mean a/(a+b) = 0.8, variance ab/((a+b)^2 (a+b+1)) = 16/1100
        var random = SeededRandom.FromSeed(8);

        // When many draws are made
        var (mean, variance) = Moments(Enumerable.Range(0, N).Select(_ => random.Beta(8, 2)).ToArray());

        // Then they match the closed forms
        Assert.InRange(mean, 0.8 - 0.002, 0.8 + 0.002);
        Assert.InRange(variance, (16.0 / 1100) * 0.97, (16.0 / 1100) * 1.03);
    }

    [Fact]
    public void Gamma_ShapeBelowOne_HasMeanShape()
    {
        // Given Gamma(0.5, 1): mean 0.5, variance 0.5
        var random = SeededRandom.FromSeed(9);

        // When many draws are made
        var (mean, variance) = Moments(Enumerable.Range(0, N).Select(_ => random.Gamma(0.5)).ToArray());

        // Then mean and variance are 0.5
        Assert.InRange(mean, 0.49, 0.51);
        Assert.InRange(variance, 0.47, 0.53);
    }

    [Fact]
    public void Pareto_Alpha3_HasMedianAndMeanOfClosedForm()
    {
        // Given Pareto(alpha 3, scale 2): median 2 x 2^(1/3), mean alpha x scale / (alpha - 1) = 3
        var random = SeededRandom.FromSeed(10);

        // When many draws are made
        var draws = Enumerable.Range(0, N).Select(_ => random.Pareto(3, 2)).Order().ToArray();

        // Then every draw is at least the scale and the median and mean match
        Assert.True(draws[0] >= 2);
        Assert.InRange(draws[N / 2], 2 * Math.Pow(2, 1.0 / 3) * 0.99, 2 * Math.Pow(2, 1.0 / 3) * 1.01);
        Assert.InRange(draws.Average(), 2.95, 3.05);
    }

    [Fact]
    public void TruncatedNormal_Bounds_AreNeverExceeded()
    {
        // Given a normal whose mass mostly lies outside [0.7, 1]
        var random = SeededRandom.FromSeed(11);

        // When draws are made
        var draws = Enumerable.Range(0, 10_000).Select(_ => random.TruncatedNormal(0.5, 0.3, 0.7, 1.0)).ToArray();

        // Then all lie in the bounds
        Assert.All(draws, x => Assert.InRange(x, 0.7, 1.0));
    }

    [Fact]
    public void LogNormal_MuSigma_HasMedianExpMu()
    {
        // Given lognormal(mu 1, sigma 0.5): the median is e^1
        var random = SeededRandom.FromSeed(12);

        // When draws are made
        var draws = Enumerable.Range(0, N).Select(_ => random.LogNormal(1, 0.5)).Order().ToArray();

        // Then the sample median is close to e
        Assert.InRange(draws[N / 2], Math.E * 0.99, Math.E * 1.01);
    }

    private static (double Mean, double Variance) Moments(double[] xs)
    {
        var mean = xs.Average();
        return (mean, xs.Sum(x => (x - mean) * (x - mean)) / (xs.Length - 1));
    }
}
