using System.Numerics;
using ProtocolLab.Protocols.Markets;

namespace ProtocolLab.Protocols.AaveV3;

/// <summary>
/// The reserves' DefaultReserveInterestRateStrategy (one for both; only the loan asset is borrowed),
/// as WAD yearly rates the kit scales to Aave's RAY. Zero rates keep every index at exactly 1 RAY,
/// so balances never accrue and the liquidation numbers are exact to the wei.
/// </summary>
public sealed record AaveV3Rates(BigInteger OptimalUsage, BigInteger BaseVariableRate, BigInteger Slope1, BigInteger Slope2)
{
    public static AaveV3Rates Zero { get; } = new(Wad.Of(0.8), 0, 0, 0);
}

/// <summary>Everything the Aave v3 kit deploys, in base units and WAD (the kit converts to Aave's bps).</summary>
public sealed record AaveV3KitOptions
{
    /// <summary>The tokens, pair and feed under the pool; Aave reads the feed's answer as USD (the loan asset is 1 USD).</summary>
    public required PairMarketOptions Market { get; init; }

    /// <summary>Largest debt / collateral value at borrow time, WAD; must be a whole number of bps.</summary>
    public required BigInteger Ltv { get; init; }

    public required BigInteger LiquidationThreshold { get; init; }

    /// <summary>The liquidator's bonus on seized collateral, WAD (0.05 = Aave's 10500).</summary>
    public required BigInteger Bonus { get; init; }

    public AaveV3Rates Rates { get; init; } = AaveV3Rates.Zero;

    public string MarketId { get; init; } = "ProtocolLab";
}
