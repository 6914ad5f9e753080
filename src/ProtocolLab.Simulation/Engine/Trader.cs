using ProtocolLab.Chain.Hex;

namespace ProtocolLab.Simulation.Engine;

/// <summary>Why an account trades the pair: the trade ledger's actor classes.</summary>
internal enum TradeRole
{
    /// <summary>The simple arbitrageur or a competing one, trading the pair toward the external price.</summary>
    Arbitrage,

    /// <summary>A liquidator bot selling what it seized (or buying back the loan asset it needs).</summary>
    Liquidation,

    /// <summary>A borrower selling collateral to repay debt.</summary>
    Deleveraging,

    /// <summary>An options writer's delta hedger.</summary>
    Hedging,

    /// <summary>A liquidity provider adding to or removing from the pair (agents.liquidityProviders).</summary>
    Liquidity,

    /// <summary>An account the world does not name (a scripted or external actor).</summary>
    Other,
}

/// <summary>An account that trades the pair, its role and the name results give it.</summary>
internal sealed record Trader(Address Account, TradeRole Role, string Name);
