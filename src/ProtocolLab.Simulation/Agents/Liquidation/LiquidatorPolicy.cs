using System.Numerics;
using ProtocolLab.Simulation.Agents.Uniswap;

namespace ProtocolLab.Simulation.Agents.Liquidation;

/// <summary>
/// A liquidator's decision for one block, as a pure function of what it sees.
/// It considers positions it has watched liquidatable for at least its reaction delay, values
/// each liquidation by selling the seized collateral into the pair (with slippage, exactly as
/// getAmountOut), and takes the most profitable first while capital lasts. Orders in the same
/// block compound: a dumping bot's second sale sees the reserves its first sale left.
/// </summary>
public static class LiquidatorPolicy
{
    public static IReadOnlyList<LiquidationOrder> Decide(LiquidatorConfig config, LiquidationWatch watch, LiquidationContext context)
    {
        var ripe = context.Positions
            .Where(p => p.IsLiquidatable && watch.IsRipe(p.Id, context.Block, config.ReactionDelayBlocks))
            .ToList();

        // Rank on the untouched pool; ties broken by position id so replays are identical.
        var ranked = ripe
            .Select(p => (Position: p, Order: Evaluate(config, p, context, context.Pool, context.AvailableCapital)))
            .Where(x => x.Order is not null)
            .OrderByDescending(x => x.Order!.ExpectedProfit)
            .ThenBy(x => x.Position.Id)
            .Select(x => x.Position)
            .ToList();

        var orders = new List<LiquidationOrder>();
        var pool = context.Pool;
        var capital = context.AvailableCapital;
        var dumps = config.Sell is DumpStrategy;
        foreach (var position in ranked)
        {
            if (Evaluate(config, position, context, pool, capital) is not { } order)
            {
                continue;
            }

            orders.Add(order);
            capital -= order.Repay;
            if (dumps)
            {
                pool = pool.AfterSwap(SwapDirection.SellCollateral, order.ExpectedSeize);
            }
        }

        return orders;
    }

    /// <summary>The order for one position against the given pool and budget, or null when not worth sending.</summary>
    public static LiquidationOrder? Evaluate(LiquidatorConfig config, PositionSnapshot position, LiquidationContext context, PoolReserves pool, BigInteger budget)
    {
        var quote = LiquidationQuote.For(position, position.Terms ?? context.Terms, context.OraclePrice, budget, context.Units);
        if (quote.Repay.Sign <= 0 || quote.Seize.Sign <= 0)
        {
            return null;
        }

        var proceeds = pool.AmountOut(SwapDirection.SellCollateral, quote.Seize);
        var gross = proceeds - quote.Repay;
        var priorityFee = config.GasBid.PriorityFeeWei(gross, context.Gas, context.Units);
        var gasCost = context.Gas.CostInLoan(priorityFee, context.Units);
        var profit = gross - gasCost;
        if (profit.Sign <= 0 || profit < config.MinProfit)
        {
            return null;
        }

        return new LiquidationOrder(position.Id, quote.Repay, quote.Seize, proceeds, gasCost, profit, priorityFee);
    }
}
