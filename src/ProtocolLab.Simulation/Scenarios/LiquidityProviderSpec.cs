namespace ProtocolLab.Simulation.Scenarios;

/// <summary>Which price a liquidity provider measures volatility on.</summary>
public enum WatchedPrice
{
    /// <summary>The pair's spot price at block ends: what every provider can read on chain.</summary>
    Pair,

    /// <summary>The external (fundamental) price, as a provider that watches a CEX sees it.</summary>
    Fundamental,
}

/// <summary>
/// A liquidity provider of the pair (agents.liquidityProviders): it owns <see cref="Share"/> of the
/// pair's initial liquidity, withdraws all of it when the annualised realised volatility of the price it
/// watches, over the last <see cref="WindowBlocks"/> blocks seen <see cref="LatencyBlocks"/> late, rises
/// above <see cref="WithdrawAboveVolatility"/>, and adds back what it holds once that volatility falls
/// below <see cref="ReturnBelowVolatility"/> (never, when null).
/// </summary>
public sealed record LiquidityProviderSpec(
    string Name,
    double Share,
    double WithdrawAboveVolatility,
    double? ReturnBelowVolatility,
    int WindowBlocks,
    int LatencyBlocks = 0,
    WatchedPrice Watches = WatchedPrice.Pair,
    double PriorityFeeGwei = 2);
