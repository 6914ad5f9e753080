using System.Numerics;
using ProtocolLab.Chain.Contracts;
using ProtocolLab.Chain.Hex;
using ProtocolLab.Chain.Rpc;
using ProtocolLab.Simulation.Agents;
using ProtocolLab.Simulation.Agents.Liquidation;
using ProtocolLab.Simulation.Agents.Uniswap;

namespace ProtocolLab.Simulation.Engine;

/// <summary>
/// What the bots see of a lending protocol in a block: positions, their owners, the oracle price and
/// each bot's balances, and whether the protocol pauses liquidations in the block (a circuit breaker:
/// the bots then only sell, as a bot that simulates its transaction would).
/// </summary>
internal sealed record LiquidationView(
    IReadOnlyList<PositionSnapshot> Positions,
    IReadOnlyList<Address> Borrowers,
    double OraclePrice,
    PoolReserves Pool,
    IReadOnlyList<(BigInteger Collateral, BigInteger Loan)> Balances,
    bool LiquidationsPaused = false);

/// <summary>
/// The liquidator bots of a debt protocol across one run: what each has seen and when (reaction
/// delay), what it holds, and the transactions it sends each block: sell inventory per its strategy,
/// then its liquidation module's calls (<paramref name="route"/>: auction kicks and takes, pool absorbs),
/// then liquidate what the module leaves. Only the liquidation call itself is the protocol's (<paramref name="liquidate"/>).
/// </summary>
internal sealed class LiquidatorBook(
    IReadOnlyList<LiquidatorAgent> bots,
    MarketVenue venue,
    LiquidationTerms defaultTerms,
    MarketUnits units,
    Func<Address, Address, BigInteger, TxOptions, TransactionRequest> liquidate,
    ILiquidationRoute? route = null)
{
    public const ulong LiquidationGas = 600_000;

    /// <summary>type(uint256).max: "all the close factor allows", as Aave and our market read it.</summary>
    public static readonly BigInteger MaxRepay = BigInteger.Pow(2, 256) - 1;

    private readonly int[] _lastAcquired = new int[bots.Count];
    private readonly Dictionary<Address, int> _liquidatableSince = [];
    private readonly List<int> _lags = [];
    private LiquidationWatch _watch = LiquidationWatch.Empty;

    /// <summary>Liquidation transactions each bot sent in the current block, to count the ones that failed.</summary>
    public int[] SentLiquidations { get; } = new int[bots.Count];

    /// <summary>
    /// Each bot's transactions for <paramref name="block"/>. A bot that watches the pending pool sees
    /// the keeper's pending price (<see cref="BlockConditions.PendingOraclePrice"/>) before it lands and acts on the positions as
    /// they will be after it (health factors scale with the price), bidding just below the keeper so
    /// its liquidations land right after the update, in the same block.
    /// </summary>
    public void Plan(int block, LiquidationView view, BlockConditions conditions, List<TransactionRequest> txs)
    {
        var pendingOraclePrice = conditions.PendingOraclePrice;
        Array.Clear(SentLiquidations);
        _watch = _watch.Observe(block, view.Positions);
        TrackLiquidatable(block, view);
        // Profit net of gas at the block's base fee plus the bot's tip, the native token at the external price.
        var gas = new GasMarket(conditions.BaseFeeWei, (long)LiquidationGas / 2, conditions.Fundamental);
        var pending = pendingOraclePrice is { } p && p != view.OraclePrice && bots.Any(b => b.Config.WatchesMempool)
            ? AfterUpdate(view, p)
            : null;
        var pendingWatch = pending is null ? _watch : _watch.Observe(block, pending.Positions);
        for (var i = 0; i < bots.Count; i++)
        {
            var bot = bots[i];
            var (collateral, loan) = view.Balances[i];
            var backRuns = bot.Config.WatchesMempool && pending is not null;
            var seen = backRuns ? pending! : view;

            var sell = bot.Config.Sell.AmountToSell(new Inventory(collateral, _lastAcquired[i]), block);
            var budget = loan * 95 / 100;
            var watch = backRuns ? pendingWatch : _watch;
            var routed = view.LiquidationsPaused || route is null ? RoutePlan.None : route.Plan(block, i, bot, seen, watch, gas, budget);
            budget -= routed.Actions.Aggregate(BigInteger.Zero, (sum, a) => sum + a.Spend);
            var left = seen.Positions.Where(p => routed.LeavesToMarket(p.Id)).ToList();
            var context = new LiquidationContext(block, left, defaultTerms, seen.OraclePrice, view.Pool, gas, budget, units);
            var orders = view.LiquidationsPaused ? [] : LiquidatorPolicy.Decide(bot.Config, watch, context);
            var bid = orders.Select(o => o.PriorityFeeWei).Concat(routed.Actions.Select(a => a.PriorityFeeWei)).DefaultIfEmpty(BigInteger.Zero).Max();
            if (backRuns)
                bid = BigInteger.Min(bid, Tips.BelowKeeper);
            if (sell > 0)
                txs.Add(venue.Uniswap.SwapExactIn(bot.Address, venue.Collateral, venue.Loan, sell, BigInteger.Zero, Tips.Liquidator(bid, i, BlockPipeline.SwapGas)));

            foreach (var action in routed.Actions)
            {
                txs.Add(action.Build(Tips.Liquidator(bid, i, action.Gas)));
                SentLiquidations[i]++;
            }

            foreach (var order in orders)
            {
                var position = seen.Positions[order.PositionId];
                var repay = BigInteger.Max(order.Repay, BigInteger.Min(position.Debt, budget));
                if (repay > budget)
                    break;
                budget -= repay;
                // The debt seen last block grows by this block's interest before the transaction lands:
                // asking for exactly that debt would leave a remainder below dust, which the market
                // refuses. type(uint256).max asks for all the close factor allows.
                var amount = repay >= position.Debt ? MaxRepay : repay;
                txs.Add(liquidate(bot.Address, view.Borrowers[order.PositionId], amount, Tips.Liquidator(bid, i, LiquidationGas)));
                SentLiquidations[i]++;
            }
        }
    }

    /// <summary>
    /// The block's liquidation transactions that failed: sent, not left out of a full block, and without
    /// a liquidation event (<paramref name="succeeded"/>, per bot). A bot's transactions that did not fit
    /// are the last by nonce, its liquidations after its sale, so they are delayed, not failed; a send the
    /// node rejected counts as failed.
    /// </summary>
    public int Failed(IReadOnlyList<int> succeeded, MinedBlock mined)
    {
        var included = mined.Header.TransactionHashes.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var failed = 0;
        for (var i = 0; i < bots.Count; i++)
        {
            var address = bots[i].Address;
            var delayed = mined.Sent.Count(s => s.Request.From == address && s.TransactionHash is { } h && !included.Contains(h));
            failed += Math.Max(0, SentLiquidations[i] - Math.Min(SentLiquidations[i], delayed) - succeeded[i]);
        }
        return failed;
    }

    /// <summary>A liquidation of <paramref name="borrower"/> landed in <paramref name="block"/>: how long after the position became liquidatable.</summary>
    public void Landed(int block, Address borrower) =>
        // Not liquidatable at the block's start: an update in this very block made it so.
        _lags.Add(_liquidatableSince.TryGetValue(borrower, out var since) ? block - since : 0);

    /// <summary>The run's lag metrics (MetricCatalog): the same-block share and the mean lag, null without liquidations.</summary>
    public IReadOnlyList<(string Metric, double? Value)> LagMetrics() =>
    [
        ("sameBlockLiquidationShare", _lags.Count == 0 ? null : (double)_lags.Count(l => l == 0) / _lags.Count),
        ("meanLiquidationLagBlocks", _lags.Count == 0 ? null : _lags.Average()),
    ];

    /// <summary>Positions liquidatable in the state read before <paramref name="block"/> became so in the block before at the latest.</summary>
    private void TrackLiquidatable(int block, LiquidationView view)
    {
        for (var i = 0; i < view.Positions.Count; i++)
        {
            var borrower = view.Borrowers[i];
            if (view.Positions[i].IsLiquidatable)
                _liquidatableSince.TryAdd(borrower, block - 1);
            else
                _liquidatableSince.Remove(borrower);
        }
    }

    /// <summary>The view once an oracle update to <paramref name="price"/> lands: collateral value, and so each health factor, scales with the price.</summary>
    private static LiquidationView AfterUpdate(LiquidationView view, double price)
    {
        var scale = price / view.OraclePrice;
        var positions = view.Positions.Select(p => p with { HealthFactor = p.HealthFactor * scale }).ToList();
        return view with { Positions = positions, OraclePrice = price };
    }

    /// <summary>The bots' gain in loan units from <paramref name="start"/> to <paramref name="end"/> balances, collateral at <paramref name="price"/>.</summary>
    public static double Gain(
        MarketUnits units, IReadOnlyList<(BigInteger Collateral, BigInteger Loan)> start, IReadOnlyList<(BigInteger Collateral, BigInteger Loan)> end, double price)
    {
        var gain = 0.0;
        for (var i = 0; i < end.Count; i++)
            gain += units.LoanWhole(end[i].Loan - start[i].Loan) + (units.CollateralWhole(end[i].Collateral - start[i].Collateral) * price);
        return gain;
    }

    /// <summary>A bot whose liquidation landed holds new collateral from this block on.</summary>
    public void Acquired(int liquidatorIndex, int block) => _lastAcquired[liquidatorIndex] = block;
}
