using System.Numerics;
using ProtocolLab.Chain.Contracts;
using ProtocolLab.Chain.Hex;
using ProtocolLab.Chain.Rpc;
using ProtocolLab.Protocols;
using ProtocolLab.Simulation.Agents;
using ProtocolLab.Simulation.Agents.Arbitrage;
using ProtocolLab.Simulation.Agents.Oracle;
using ProtocolLab.Simulation.Agents.Uniswap;
using ProtocolLab.Simulation.Engine;
using ProtocolLab.Simulation.Metrics;
using ProtocolLab.Simulation.Paths;

namespace ProtocolLab.Simulation.Options;

/// <summary>
/// One run of one option margin design, block by block, shaped like the lending <see cref="BlockLoop"/>:
/// read the chain in one batch; the keeper pushes the oracle, pokes the volatility oracle and sets implied
/// volatility; the arbitrageur trades; liquidator bots liquidate writers below maintenance with the lens's
/// minimum amount and sell seized underlying; hedgers trade toward delta-neutral; one block is mined.
/// </summary>
public sealed class OptionsBlockLoop(OptionsWorld world, IPricePath path)
{
    private const ulong KeeperGas = 300_000;
    private const ulong LiquidationGas = 1_500_000;
    private const ulong SwapGas = 300_000;

    private readonly OptionsStateReader _reader = new(world);
    private readonly List<double> _pairPrices = [];
    private readonly Dictionary<(Address, BigInteger), int> _firstSeen = [];
    private readonly int[] _lastAcquired = new int[world.Liquidators.Count];
    private readonly HashSet<TransactionRequest> _liquidations = [];
    private readonly Dictionary<TransactionRequest, BigInteger> _hedges = [];
    private readonly List<OptionLiquidationRecord> _liquidated = [];
    private BigInteger[] _hedgeBaseline = [];
    private double? _lastPushedPrice;
    private long? _lastPushTimestamp;

    /// <summary>Every successful liquidation of the run so far, in block and transaction order.</summary>
    public IReadOnlyList<OptionLiquidationRecord> Liquidations => _liquidated;

    /// <summary>Runs every block; the callback sees each block's lending-shaped and option metrics as soon as they are final.</summary>
    public async Task<RunTotals> RunAsync(Action<BlockMetrics, OptionBlockMetrics> onBlock, CancellationToken cancellationToken)
    {
        var scenario = world.Scenario;
        var clock = world.Session.Clock ?? throw new InvalidOperationException("the block loop needs a session clock");
        clock.SecondsPerBlock = (ulong)scenario.BlockTimeSeconds;

        var state = await _reader.ReadAsync(cancellationToken);
        var start = state;
        var initialLiability = state.Positions.Sum(p => (double)p.MarkValue / 1e18);
        _hedgeBaseline = Hedgers().Select((h, i) => state.HedgerUnderlying[i] + HedgerBookDelta(state, h.Address)).ToArray();
        _lastPushedPrice = scenario.Market.InitialPrice;
        _lastPushTimestamp = (long)clock.Current;
        var pending = (new BlockMetrics(0, (long)clock.Current, path.PriceAt(0), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
            new OptionBlockMetrics(0, 0, 0, 0, 0, 0, 0, world.Options.ImpliedVolatility.At(0)));
        var gasCostLoan = 0.0;

        for (var block = 1; block <= scenario.Blocks; block++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Emit(onBlock, pending, state);
            var fundamental = path.PriceAt(block);
            var timestamp = (long)clock.Current + scenario.BlockTimeSeconds;

            var txs = new List<TransactionRequest>();
            PlanKeeper(block, timestamp, fundamental, txs);
            PlanArbitrage(state, fundamental, txs);
            PlanLiquidators(block, state, fundamental, txs);
            PlanHedgers(state, txs);

            var mined = await world.Session.SendAndMineAsync(txs, cancellationToken);
            var (metrics, options, gasCost) = Account(block, timestamp, fundamental, state, txs, mined);
            gasCostLoan += gasCost;
            pending = (metrics, options);
            state = await _reader.ReadAsync(cancellationToken);
            _pairPrices.Add(state.Pool.SpotPrice(world.Units));
        }
        Emit(onBlock, pending, state);
        return new RunTotals(initialLiability, LiquidatorPnl(start, state, path.PriceAt(scenario.Blocks)) - gasCostLoan);
    }

    private void Emit(Action<BlockMetrics, OptionBlockMetrics> onBlock, (BlockMetrics Lending, OptionBlockMetrics Options) pending, OptionsState after) => onBlock(
        pending.Lending with
        {
            PairPrice = after.Pool.SpotPrice(world.Units),
            OraclePrice = after.OraclePrice,
            PositionsUnderwater = after.Positions.Count(p => p.Liquidatable),
        },
        pending.Options with { Volatility = (double)after.Volatility / 1e18 });

    private IEnumerable<OptionWriterAgent> Hedgers() => world.Writers.Where(w => w.HedgerIndex is not null);

    private BigInteger HedgerBookDelta(OptionsState state, Address hedger) => DeltaHedger.BookDelta(
        state.Positions.Where(p => p.Writer == hedger).Select(p => (p.ShortAmount, state.Series[(int)p.SeriesId].Delta)),
        world.Units.CollateralDecimals);

    private void PlanKeeper(int block, long timestamp, double fundamental, List<TransactionRequest> txs)
    {
        var s = world.Scenario;
        var d = world.Deployment;
        var window = Math.Max(1, s.Oracle.TwapWindowSeconds / s.BlockTimeSeconds);
        var recent = _pairPrices.TakeLast(window).ToList();
        var twap = recent.Count == 0 ? s.Market.InitialPrice : recent.Average();
        var decision = OracleKeeper.Decide(s.Oracle, s.Agents.Keeper, new OracleKeeperInput(block, timestamp, fundamental, twap, _lastPushedPrice, _lastPushTimestamp));
        if (decision.Push)
        {
            txs.Add(d.Feed.PushAnswer(world.Owner, ScenarioKit.Answer(decision.Price), Tips.Keeper(KeeperGas)));
            txs.Add(d.Volatility.Poke(world.Owner, Tips.Keeper(KeeperGas)));
            _lastPushedPrice = decision.Price;
            _lastPushTimestamp = timestamp;
        }
        var implied = world.Options.ImpliedVolatility;
        if (implied.At(block) != implied.At(block - 1))
            txs.Add(d.Volatility.SetImpliedVolatility(world.Owner, Wad.Of(implied.At(block)), Tips.Keeper(KeeperGas)));
    }

    private void PlanArbitrage(OptionsState state, double fundamental, List<TransactionRequest> txs)
    {
        var s = world.Scenario;
        if (!s.Agents.Arbitrageur.Enabled)
            return;
        if (Arbitrageur.Decide(state.Pool, fundamental, world.Units.LoanBase(s.Agents.Arbitrageur.CapitalPerBlock), world.Units) is not { } plan)
            return;
        var (tokenIn, tokenOut) = Tokens(plan.Direction);
        txs.Add(world.Deployment.Uniswap.SwapExactIn(SimulationAccounts.Arbitrageur, tokenIn, tokenOut, plan.AmountIn, BigInteger.Zero, Tips.Arbitrageur(SwapGas)));
    }

    /// <summary>
    /// Every bot past its reaction delay tries every liquidatable position it holds longs for, with the
    /// lens's minimum amount plus a quarter (the price may move again before the block lands), or the
    /// whole short when only that restores margin. Bots race; the losers' transactions revert.
    /// </summary>
    private void PlanLiquidators(int block, OptionsState state, double fundamental, List<TransactionRequest> txs)
    {
        _liquidations.Clear();
        foreach (var p in state.Positions)
        {
            var key = (p.Writer, p.SeriesId);
            if (!p.Liquidatable)
                _firstSeen.Remove(key);
            else
                _firstSeen.TryAdd(key, block);
        }
        var d = world.Deployment;
        var penalty = world.Options.LiquidationPenalty;
        for (var i = 0; i < world.Liquidators.Count; i++)
        {
            var bot = world.Liquidators[i];
            var balances = state.Liquidators[i];
            var longs = balances.Longs.ToArray();
            var orders = new List<(OptionsLensPosition Position, BigInteger Amount, BigInteger Profit)>();
            foreach (var p in state.Positions.Where(p => p.Liquidatable && p.Writer != bot.Address))
            {
                if (block - _firstSeen[(p.Writer, p.SeriesId)] < bot.Config.ReactionDelayBlocks)
                    continue;
                var amount = p.MinLiquidationAmount >= p.ShortAmount ? p.ShortAmount : BigInteger.Min(p.ShortAmount, p.MinLiquidationAmount * 5 / 4);
                var series = (int)p.SeriesId;
                if (longs[series] < amount)
                    continue;
                longs[series] -= amount;
                var profit = world.Units.LoanBase((double)(amount * state.Series[series].Mark / BigInteger.Pow(10, 18)) / 1e18 * penalty);
                orders.Add((new OptionsLensPosition(p.Writer, p.SeriesId), amount, profit));
            }
            var gas = new Agents.Liquidation.GasMarket(BigInteger.Zero, (long)LiquidationGas / 2, fundamental);
            var bid = orders.Count == 0 ? BigInteger.Zero : orders.Max(o => bot.Config.GasBid.PriorityFeeWei(o.Profit, gas, world.Units));
            var sell = bot.Config.Sell.AmountToSell(new Agents.Liquidation.Inventory(balances.Underlying, _lastAcquired[i]), block);
            if (sell > 0)
                txs.Add(d.Uniswap.SwapExactIn(bot.Address, d.Underlying.Address, d.Loan.Address, sell, BigInteger.Zero, Tips.Liquidator(bid, i, SwapGas)));
            foreach (var (position, amount, _) in orders)
            {
                var tx = d.Vault.Liquidate(bot.Address, position.Writer, position.SeriesId, amount, Tips.Liquidator(bid, i, LiquidationGas));
                _liquidations.Add(tx);
                txs.Add(tx);
            }
        }
    }

    /// <summary>Hedgers take the borrowers' tip slots: an options scenario has no borrowers.</summary>
    private void PlanHedgers(OptionsState state, List<TransactionRequest> txs)
    {
        _hedges.Clear();
        var d = world.Deployment;
        var band = world.Units.CollateralBase(world.Options.Hedgers.Band * world.Options.Hedgers.OptionsEach);
        var pool = state.Pool;
        foreach (var (hedger, i) in Hedgers().Select((h, i) => (h, i)))
        {
            var trade = DeltaHedger.Trade(_hedgeBaseline[i], state.HedgerUnderlying[i], HedgerBookDelta(state, hedger.Address), band);
            if (trade.IsZero)
                continue;
            var tip = Tips.Borrower(hedger.HedgerIndex!.Value, SwapGas);
            TransactionRequest tx;
            if (trade < 0)
            {
                var amountIn = BigInteger.Min(-trade, state.HedgerUnderlying[i]);
                if (amountIn.IsZero)
                    continue;
                tx = d.Uniswap.SwapExactIn(hedger.Address, d.Underlying.Address, d.Loan.Address, amountIn, BigInteger.Zero, tip);
                pool = pool.AfterSwap(SwapDirection.SellCollateral, amountIn);
                _hedges[tx] = -amountIn;
            }
            else
            {
                var amountIn = UniswapV2Math.GetAmountIn(BigInteger.Min(trade, pool.Collateral / 2), pool.Loan, pool.Collateral);
                tx = d.Uniswap.SwapExactIn(hedger.Address, d.Loan.Address, d.Underlying.Address, amountIn, BigInteger.Zero, tip);
                pool = pool.AfterSwap(SwapDirection.BuyCollateral, amountIn);
                _hedges[tx] = trade;
            }
            txs.Add(tx);
        }
    }

    private (Address In, Address Out) Tokens(SwapDirection direction)
    {
        var d = world.Deployment;
        return direction == SwapDirection.SellCollateral ? (d.Underlying.Address, d.Loan.Address) : (d.Loan.Address, d.Underlying.Address);
    }

    private (BlockMetrics Metrics, OptionBlockMetrics Options, double GasCostLoan) Account(
        int block, long timestamp, double fundamental, OptionsState before, List<TransactionRequest> planned, IReadOnlyList<MinedTransaction> mined)
    {
        var vault = world.Deployment.Vault;
        var u = world.Units;
        var bots = world.Liquidators.Select((l, i) => (l.Address, i)).ToDictionary(x => x.Address, x => x.i);
        int liquidations = 0, failed = 0;
        double seized = 0, volume = 0, shortfall = 0, closed = 0, hedged = 0, sold = 0;
        long gas = 0;
        var botGasWei = BigInteger.Zero;
        var price = before.OraclePrice;
        // The sender fills in nonces on copies: the plan's own request, same index, is the key.
        foreach (var (tx, request) in mined.Zip(planned))
        {
            if (tx.Receipt is { } receipt)
            {
                gas += (long)receipt.GasUsed;
                if (bots.ContainsKey(receipt.From))
                    botGasWei += receipt.GasUsed * receipt.EffectiveGasPrice;
            }
            if (_liquidations.Contains(request) && !tx.Succeeded)
                failed++;
            if (tx.Receipt is not { Succeeded: true } ok)
                continue;
            if (_hedges.TryGetValue(request, out var hedge))
            {
                hedged += Math.Abs(u.CollateralWhole(hedge));
                sold += hedge < 0 ? u.CollateralWhole(-hedge) : 0;
            }
            foreach (var e in vault.DecodeOptionLiquidatedEvents(ok))
            {
                liquidations++;
                _liquidated.Add(new OptionLiquidationRecord(block, e.Writer, e.Liquidator, (int)e.SeriesId, e.Amount, e.CollateralSeized, e.Shortfall));
                var series = world.Deployment.Series[(int)e.SeriesId];
                closed += (double)e.Amount / 1e18;
                volume += (double)e.Amount / 1e18 * ((double)before.Series[(int)e.SeriesId].Mark / 1e18);
                seized += series.UnderlyingCollateral ? u.CollateralWhole(e.CollateralSeized) : u.LoanWhole(e.CollateralSeized) / price;
                shortfall += series.UnderlyingCollateral ? u.CollateralWhole(e.Shortfall) * price : u.LoanWhole(e.Shortfall);
                if (bots.TryGetValue(e.Liquidator, out var i) && series.UnderlyingCollateral)
                    _lastAcquired[i] = block;
            }
        }
        var metrics = new BlockMetrics(block, timestamp, fundamental, 0, 0, liquidations, seized, volume, shortfall, 0, 0, failed, gas, BadDebtCollateralShortfall: shortfall);
        var options = new OptionBlockMetrics(block, liquidations, closed, hedged, sold, shortfall, 0, world.Options.ImpliedVolatility.At(block));
        return (metrics, options, (double)botGasWei / 1e18 * fundamental);
    }

    /// <summary>Bots' loan-asset gain plus underlying at the final price plus longs at the final mark, since the first block.</summary>
    private double LiquidatorPnl(OptionsState start, OptionsState end, double finalPrice)
    {
        var u = world.Units;
        var pnl = 0.0;
        for (var i = 0; i < world.Liquidators.Count; i++)
        {
            var (a, b) = (start.Liquidators[i], end.Liquidators[i]);
            pnl += u.LoanWhole(b.Loan - a.Loan) + (u.CollateralWhole(b.Underlying - a.Underlying) * finalPrice);
            for (var s = 0; s < end.Series.Count; s++)
                pnl += (double)(b.Longs[s] - a.Longs[s]) / 1e18 * ((double)end.Series[s].Mark / 1e18);
        }
        return pnl;
    }

    private sealed record OptionsLensPosition(Address Writer, BigInteger SeriesId);
}
