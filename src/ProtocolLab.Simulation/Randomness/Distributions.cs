namespace ProtocolLab.Simulation.Randomness;

/// <summary>
/// Samplers built on <see cref="SeededRandom"/> only, so their output is fixed by the seed.
/// Textbook algorithms, named at each method.
/// </summary>
public static class Distributions
{
    public static double Normal(this SeededRandom random, double mean, double stdev) =>
        mean + (stdev * random.NextStandardNormal());

    public static double LogNormal(this SeededRandom random, double mu, double sigma) =>
        Math.Exp(random.Normal(mu, sigma));

    /// <summary>Pareto type I with scale <paramref name="minimum"/> and tail index <paramref name="alpha"/> (inverse CDF).</summary>
    public static double Pareto(this SeededRandom random, double alpha, double minimum) =>
        minimum / Math.Pow(random.NextOpenDouble(), 1.0 / alpha);

    /// <summary>Poisson count. Knuth's product method; large means are split in halves to keep exp(-lambda) representable.</summary>
    public static int Poisson(this SeededRandom random, double lambda)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(lambda);
        if (lambda > 30)
        {
            return random.Poisson(lambda / 2) + random.Poisson(lambda / 2);
        }

        var limit = Math.Exp(-lambda);
        var count = 0;
        var product = random.NextOpenDouble();
        while (product > limit)
        {
            count++;
            product *= random.NextOpenDouble();
        }

        return count;
    }

    /// <summary>Gamma(shape, 1). Marsaglia and Tsang (2000); shape &lt; 1 via the u^(1/shape) boost.</summary>
    public static double Gamma(this SeededRandom random, double shape)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(shape);
        if (shape < 1)
        {
            return random.Gamma(shape + 1) * Math.Pow(random.NextOpenDouble(), 1.0 / shape);
        }

        var d = shape - (1.0 / 3.0);
        var c = 1.0 / Math.Sqrt(9 * d);
        while (true)
        {
            double x;
            double v;
            do
            {
                x = random.NextStandardNormal();
                v = 1 + (c * x);
            }
            while (v <= 0);

            v = v * v * v;
            var u = random.NextOpenDouble();
            if (Math.Log(u) < (0.5 * x * x) + d - (d * v) + (d * Math.Log(v)))
            {
                return d * v;
            }
        }
    }

    /// <summary>Beta(a, b) as X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b).</summary>
    public static double Beta(this SeededRandom random, double a, double b)
    {
        var x = random.Gamma(a);
        var y = random.Gamma(b);
        return x / (x + y);
    }

    /// <summary>Normal truncated to [min, max] by rejection; after 1,000 rejections the draw is clamped.</summary>
    public static double TruncatedNormal(this SeededRandom random, double mean, double stdev, double min, double max)
    {
        for (var attempt = 0; attempt < 1000; attempt++)
        {
            var x = random.Normal(mean, stdev);
            if (x >= min && x <= max)
            {
                return x;
            }
        }

        return Math.Clamp(mean, min, max);
    }
}
