using ProtocolLab.Simulation.Randomness;

namespace ProtocolLab.Simulation.Paths;

/// <summary>
/// Geometric Brownian motion sampled exactly at block times:
/// ln(S[b] / S[b-1]) = (mu - sigma^2 / 2) dt + sigma sqrt(dt) Z, dt = blockTime / one year.
/// </summary>
public static class GbmPath
{
    /// <summary>A year of continuous trading (crypto markets never close): 365 days.</summary>
    public const double SecondsPerYear = 365.0 * 24 * 3600;

    public static SampledPricePath Generate(double initialPrice, int blocks, int blockTimeSeconds, double mu, double sigma, SeededRandom random)
    {
        var dt = blockTimeSeconds / SecondsPerYear;
        var drift = (mu - (0.5 * sigma * sigma)) * dt;
        var diffusion = sigma * Math.Sqrt(dt);
        var prices = new double[blocks + 1];
        prices[0] = initialPrice;
        for (var b = 1; b <= blocks; b++)
        {
            prices[b] = prices[b - 1] * Math.Exp(drift + (diffusion * random.NextStandardNormal()));
        }

        return new SampledPricePath(prices);
    }
}
