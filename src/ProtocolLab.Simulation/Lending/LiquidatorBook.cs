using System.Numerics;
using ProtocolLab.Chain.Rpc;
using ProtocolLab.Protocols.Uniswap;
using ProtocolLab.Simulation.Agents;
using ProtocolLab.Simulation.Agents.Liquidation;
using ProtocolLab.Simulation.Agents.Uniswap;
using ProtocolLab.Simulation.Engine;

namespace ProtocolLab.Simulation.Lending;

/// <summary>
/// The liquidator bots across one run: what each has seen and when (reaction delay), what it holds,
/// and the transactions it sends each block: sell inventory per its strategy, then liquidate.
/// </summary>
internal sealed class LiquidatorBook(LendingAdapter world)
{
    public const ulong LiquidationGas = 600_000;

    private static readonly BigInteger MaxRepay = BigInteger.Pow(2, 256) - 1;

    private readonly int[] _lastAcquired = new int[world.Liquidators.Count];
    private LiquidationWatch _watch = LiquidationWatch.Empty;

    /// <summary>Liquidation transactions each bot sent in the current block, to count the ones that failed.</summary>
    public int[] SentLiquidations { get; } = new int[world.Liquidators.Count];

    public void Plan(int block, LendingState state, IReadOnlyList<PositionSnapshot> positions, double fundamental, List<TransactionRequest> txs)
    {
        Array.Clear(SentLiquidations);
        _watch = _watch.Observe(block, positions);
        var d = world.Deployment;
        var terms = Terms(state);
        var gas = new GasMarket(BigInteger.Zero, (long)LiquidationGas / 2, fundamental);
        for (var i = 0; i < world.Liquidators.Count; i++)
        {
            var bot = world.Liquidators[i];
            var (collateral, loan) = state.LiquidatorBalances[i];

            var sell = bot.Config.Sell.AmountToSell(new Inventory(collateral, _lastAcquired[i]), block);
            var context = new LiquidationContext(block, positions, terms, state.OraclePrice, state.Pool, gas, loan * 95 / 100, world.Units);
            var orders = LiquidatorPolicy.Decide(bot.Config, _watch, context);
            var bid = orders.Count == 0 ? BigInteger.Zero : orders.Max(o => o.PriorityFeeWei);
            if (sell > 0)
                txs.Add(Swap(d.Uniswap, bot.Address, d.Collateral.Address, d.Loan.Address, sell, Tips.Liquidator(bid, i, BlockPipeline.SwapGas)));

            var budget = loan * 95 / 100;
            foreach (var order in orders)
            {
                var position = positions[order.PositionId];
                var repay = BigInteger.Max(order.Repay, BigInteger.Min(position.Debt, budget));
                if (repay > budget)
                    break;
                budget -= repay;
                // The debt seen last block grows by this block's interest before the transaction lands:
                // asking for exactly that debt would leave a remainder below dust, which the market
                // refuses. type(uint256).max asks for all the close factor allows.
                var amount = repay >= position.Debt ? MaxRepay : repay;
                var tx = d.Market.Liquidate(bot.Address, state.Positions[order.PositionId].Borrower, amount, Tips.Liquidator(bid, i, LiquidationGas));
                SentLiquidations[i]++;
                txs.Add(tx);
            }
        }
    }

    /// <summary>A bot whose liquidation landed holds new collateral from this block on.</summary>
    public void Acquired(int liquidatorIndex, int block) => _lastAcquired[liquidatorIndex] = block;

    private LiquidationTerms Terms(LendingState state)
    {
        var b = world.Design.Base;
        return new LiquidationTerms(b.CloseFactor, b.Bonus, world.Units.LoanBase(1));
    }

    internal static TransactionRequest Swap(UniswapV2 uniswap, Chain.Hex.Address from, Chain.Hex.Address tokenIn, Chain.Hex.Address tokenOut, BigInteger amount, Chain.Contracts.TxOptions options) =>
        uniswap.SwapExactIn(from, tokenIn, tokenOut, amount, BigInteger.Zero, options);
}
