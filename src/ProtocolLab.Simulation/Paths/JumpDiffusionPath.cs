using ProtocolLab.Simulation.Randomness;
using ProtocolLab.Simulation.Scenarios;

namespace ProtocolLab.Simulation.Paths;

/// <summary>A jump-diffusion sample and how many jumps landed in each block (for diagnostics and tests).</summary>
public sealed record JumpDiffusionSample(SampledPricePath Path, int[] JumpsPerBlock);

/// <summary>
/// Merton (1976) jump diffusion at block times. Per block, N ~ Poisson(lambda dt) jumps with
/// log-sizes Y ~ N(jumpMean, jumpStdev^2), and
/// ln(S[b] / S[b-1]) = (mu - sigma^2 / 2 - lambda k) dt + sigma sqrt(dt) Z + sum of Y,
/// where k = E[e^Y - 1] = exp(jumpMean + jumpStdev^2 / 2) - 1 compensates the drift so that
/// E[S_t] = S_0 e^(mu t) as for GBM.
/// </summary>
public static class JumpDiffusionPath
{
    public static JumpDiffusionSample Generate(double initialPrice, int blocks, int blockTimeSeconds, JumpPathSpec spec, SeededRandom random)
    {
        var dt = blockTimeSeconds / GbmPath.SecondsPerYear;
        var k = Math.Exp(spec.JumpMean + (0.5 * spec.JumpStdev * spec.JumpStdev)) - 1;
        var drift = (spec.Mu - (0.5 * spec.Sigma * spec.Sigma) - (spec.Intensity * k)) * dt;
        var diffusion = spec.Sigma * Math.Sqrt(dt);
        var prices = new double[blocks + 1];
        var jumps = new int[blocks + 1];
        prices[0] = initialPrice;
        for (var b = 1; b <= blocks; b++)
        {
            var logReturn = drift + (diffusion * random.NextStandardNormal());
            jumps[b] = random.Poisson(spec.Intensity * dt);
            for (var j = 0; j < jumps[b]; j++)
            {
                logReturn += random.Normal(spec.JumpMean, spec.JumpStdev);
            }

            prices[b] = prices[b - 1] * Math.Exp(logReturn);
        }

        return new JumpDiffusionSample(new SampledPricePath(prices), jumps);
    }
}
