namespace ProtocolLab.Simulation.Scenarios;

/// <summary>How a liquidator bids the priority fee (tip) of its liquidation transactions.</summary>
public abstract record GasBidSpec;

/// <summary>Same tip on every transaction, in gwei per gas.</summary>
public sealed record FixedGasBidSpec(double PriorityFeeGwei) : GasBidSpec;

/// <summary>Tips a share of the expected profit (before gas) of the liquidation.</summary>
public sealed record ProportionalGasBidSpec(double ShareOfProfit) : GasBidSpec;

/// <summary>What a liquidator does with seized collateral.</summary>
public abstract record SellStrategySpec;

/// <summary>Sells everything into the pair in the block it was seized.</summary>
public sealed record DumpSellSpec : SellStrategySpec;

/// <summary>Keeps the collateral (a backstop that absorbs it).</summary>
public sealed record HoldSellSpec : SellStrategySpec;

/// <summary>Sells evenly over <see cref="Blocks"/> blocks.</summary>
public sealed record TwapSellSpec(int Blocks) : SellStrategySpec;

public sealed record LiquidatorSpec(
    string Name,
    double Capital,
    int ReactionDelayBlocks,
    GasBidSpec GasBid,
    double MinProfit,
    SellStrategySpec Sell,
    bool WatchesMempool = false,
    AuctionBidding AuctionBids = AuctionBidding.Value);

/// <summary>How a liquidator bids in English auctions (<c>agents.liquidators[].auctionBids</c>).</summary>
public enum AuctionBidding
{
    /// <summary>Bids up to what the lot fetches in the pair, less gas and its minimum profit.</summary>
    Value,

    /// <summary>
    /// Bids the smallest valid bid (one base unit) on every auction nobody has bid on, and never raises:
    /// the zero bids of 12 March 2020, which won wherever no other bid got in before the bid expired.
    /// </summary>
    ZeroBid,
}


/// <summary>The simple arbitrageur: trades the pair to the fundamental price first in every block, within its capital.</summary>
public sealed record ArbitrageurSpec(bool Enabled, double CapitalPerBlock);

/// <summary>
/// One of several competing CEX-DEX arbitrageurs (agents.arbitrageurs): it sees the external price
/// <see cref="LatencyBlocks"/> late, trades the pair through its own contract toward that price net of
/// the pair's fee and its gas, sized at execution against the reserves it finds, within its capital per
/// block and its inventory. Its priority fee orders it among the block's senders; a back-runner bids
/// below all of them, so it trades after the block's forced sales.
/// </summary>
public sealed record CompetingArbitrageurSpec(
    string Name,
    double CapitalPerBlock,
    double? Inventory,
    int LatencyBlocks,
    double PriorityFeeGwei,
    bool BackRun,
    double MinProfit);

/// <summary>Blocks [From, To] (inclusive) during which the oracle keeper is stalled, e.g. by congestion.</summary>
public sealed record BlockRange(int From, int To)
{
    public bool Contains(int block) => block >= From && block <= To;
}

public sealed record KeeperSpec(bool Enabled, IReadOnlyList<BlockRange> Stalls);

public sealed record AgentsSpec(
    IReadOnlyList<LiquidatorSpec> Liquidators,
    ArbitrageurSpec Arbitrageur,
    KeeperSpec Keeper,
    IReadOnlyList<CompetingArbitrageurSpec> Arbitrageurs)
{
    /// <summary>The pair's liquidity providers (agents.liquidityProviders); empty: the pair's depth is its owner's, fixed.</summary>
    public IReadOnlyList<LiquidityProviderSpec> LiquidityProviders { get; init; } = [];

    /// <summary>Whether anything trades the pair toward the external price.</summary>
    public bool HasArbitrage => (Arbitrageur.Enabled && Arbitrageur.CapitalPerBlock > 0) || Arbitrageurs.Any(a => a.CapitalPerBlock > 0);
}
