using System.Numerics;
using ProtocolLab.Simulation.Agents.Uniswap;
using ProtocolLab.Simulation.Scenarios;

namespace ProtocolLab.Simulation.Agents.Liquidation;

/// <summary>A liquidator bot: starting capital and minimum profit in loan base units.</summary>
public sealed record LiquidatorConfig(
    string Name,
    BigInteger Capital,
    int ReactionDelayBlocks,
    IGasBidStrategy GasBid,
    BigInteger MinProfit,
    ISellStrategy Sell,
    bool WatchesMempool = false,
    AuctionBidding AuctionBids = AuctionBidding.Value)
{
    public static LiquidatorConfig FromSpec(LiquidatorSpec spec, MarketUnits units) => new(
        spec.Name,
        units.LoanBase(spec.Capital),
        spec.ReactionDelayBlocks,
        GasBidStrategies.FromSpec(spec.GasBid),
        units.LoanBase(spec.MinProfit),
        SellStrategies.FromSpec(spec.Sell),
        spec.WatchesMempool,
        spec.AuctionBids);
}

/// <summary>Everything a liquidator sees in one block (one batched read, no chain access here).</summary>
public sealed record LiquidationContext(
    int Block,
    IReadOnlyList<PositionSnapshot> Positions,
    LiquidationTerms Terms,
    double OraclePrice,
    PoolReserves Pool,
    GasMarket Gas,
    BigInteger AvailableCapital,
    MarketUnits Units);

/// <summary>
/// One liquidation transaction to send. Amounts in base units: <see cref="ExpectedProceeds"/> is
/// what selling the seized collateral into the pair would return (getAmountOut, after the
/// bot's earlier orders of the same block); profit = proceeds - repay - gas cost.
/// </summary>
public sealed record LiquidationOrder(
    int PositionId,
    BigInteger Repay,
    BigInteger ExpectedSeize,
    BigInteger ExpectedProceeds,
    BigInteger GasCost,
    BigInteger ExpectedProfit,
    BigInteger PriorityFeeWei);
