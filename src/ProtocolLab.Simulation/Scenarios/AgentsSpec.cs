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
    SellStrategySpec Sell);

public sealed record ArbitrageurSpec(bool Enabled, double CapitalPerBlock);

/// <summary>Blocks [From, To] (inclusive) during which the oracle keeper is stalled, e.g. by congestion.</summary>
public sealed record BlockRange(int From, int To)
{
    public bool Contains(int block) => block >= From && block <= To;
}

public sealed record KeeperSpec(bool Enabled, IReadOnlyList<BlockRange> Stalls);

public sealed record AgentsSpec(
    IReadOnlyList<LiquidatorSpec> Liquidators,
    ArbitrageurSpec Arbitrageur,
    KeeperSpec Keeper);
