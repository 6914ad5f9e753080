using System.Numerics;

namespace ProtocolLab.Simulation.Options;

/// <summary>
/// A delta-hedging market maker's rule. Its exposure to the underlying is what it holds plus the delta
/// of its options book; it starts hedged (the exposure at setup is its baseline) and trades the pair
/// back to that exposure. Short puts gain delta as the price falls (gamma), so the hedger sells more
/// into every further drop.
/// </summary>
public static class DeltaHedger
{
    /// <summary>The book's delta in underlying base units: minus the sum of short x per-option delta (WAD, signed).</summary>
    public static BigInteger BookDelta(IEnumerable<(BigInteger ShortAmount, BigInteger Delta)> shorts, int underlyingDecimals)
    {
        var wadDelta = shorts.Aggregate(BigInteger.Zero, (sum, s) => sum - (s.ShortAmount * s.Delta / BigInteger.Pow(10, 18)));
        return wadDelta * BigInteger.Pow(10, underlyingDecimals) / BigInteger.Pow(10, 18);
    }

    /// <summary>
    /// The underlying to buy (positive) or sell (negative) to get back to <paramref name="baselineExposure"/>;
    /// zero while the gap is within <paramref name="band"/> (base units; 0 = rebalance every block).
    /// </summary>
    public static BigInteger Trade(BigInteger baselineExposure, BigInteger holding, BigInteger bookDelta, BigInteger band)
    {
        var trade = baselineExposure - bookDelta - holding;
        return BigInteger.Abs(trade) <= band || trade.IsZero ? BigInteger.Zero : trade;
    }
}
