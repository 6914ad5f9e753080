namespace ProtocolLab.Simulation.Scenarios;

/// <summary>
/// How a design's market liquidates (<c>designs[].liquidation</c>): by default the market's own
/// instant liquidation at the design's bonus; otherwise a liquidation module on ProtocolLab's market
/// takes each liquidatable position whole (contracts/src/liquidation/).
/// </summary>
public abstract record LiquidationMechanismSpec
{
    /// <summary>The YAML <c>kind</c>.</summary>
    public abstract string Kind { get; }
}

/// <summary>
/// A Dutch auction like Maker's Liquidations 2.0 Clipper: the price starts <see cref="StartBuffer"/>
/// above the oracle and falls; takers buy any part at the current price until the tab (debt x
/// (1 + <see cref="Penalty"/>)) is raised; a stale auction (older than <see cref="ResetAfterSeconds"/>
/// or below <see cref="ResetBelow"/> of its start price) is reset. The kicker earns
/// <see cref="KickerTip"/> (loan units) plus <see cref="KickerShare"/> of the tab, out of the proceeds.
/// </summary>
public sealed record DutchAuctionSpec(
    double StartBuffer,
    double Penalty,
    bool ExponentialDecay,
    int DecaySeconds,
    double Cut,
    int ResetAfterSeconds,
    double ResetBelow,
    double KickerShare,
    double KickerTip) : LiquidationMechanismSpec
{
    public override string Kind => "dutchAuction";
}

/// <summary>
/// An English auction like Maker's Flipper of March 2020: bids on the whole lot rise by at least
/// <see cref="MinIncrement"/> up to the tab (debt x (1 + <see cref="Penalty"/>)), then bidders offer less
/// collateral for the tab; the auction ends <see cref="BidDurationSeconds"/> after the last bid or
/// <see cref="AuctionSeconds"/> after the start. A lone bidder wins at any positive bid.
/// </summary>
public sealed record EnglishAuctionSpec(double MinIncrement, int BidDurationSeconds, int AuctionSeconds, double Penalty) : LiquidationMechanismSpec
{
    public override string Kind => "englishAuction";
}

/// <summary>
/// A Liquity-style stability pool seeded with <see cref="Deposits"/> of the loan asset: it repays a
/// liquidated position's debt and keeps its collateral (the caller earns <see cref="CallerShare"/> of
/// it), selling nothing into the pair; a position the pool cannot cover falls back to the market's own liquidation.
/// </summary>
public sealed record StabilityPoolSpec(double Deposits, double CallerShare) : LiquidationMechanismSpec
{
    public override string Kind => "stabilityPool";
}
