using System.Numerics;
using ProtocolLab.Chain.Contracts;
using ProtocolLab.Chain.Hex;
using ProtocolLab.Chain.Rpc;
using ProtocolLab.Protocols;
using ProtocolLab.Protocols.Bindings;
using ProtocolLab.Simulation.Agents.Liquidation;
using ProtocolLab.Simulation.Agents.Oracle;
using ProtocolLab.Simulation.Agents.Uniswap;
using ProtocolLab.Simulation.Engine;
using ProtocolLab.Simulation.Metrics;

namespace ProtocolLab.Simulation.Options;

/// <summary>
/// One run of the options vault: the keeper pushes the oracle, pokes the volatility oracle and sets
/// implied volatility; liquidator bots liquidate writers below maintenance with the lens's minimum
/// amount and sell seized underlying; hedgers trade toward delta-neutral. Writes options-blocks.jsonl
/// and options-liquidations.csv next to the pipeline's block files.
/// </summary>
internal sealed class OptionsRun : IProtocolRun
{
    private const ulong LiquidationGas = 1_500_000;

    private readonly OptionsAdapter _world;
    private readonly string _directory;
    private readonly OptionsStateReader _reader;
    private readonly Dictionary<Address, int> _botIndex;
    private readonly OptionBlockJsonLinesWriter _blocks;
    private readonly Dictionary<(Address, BigInteger), int> _firstSeen = [];
    private readonly int[] _lastAcquired;
    private readonly int[] _sentLiquidations;
    /// <summary>This block's hedges by their place in the block's batch (the sender sends copies with nonces), signed underlying.</summary>
    private readonly Dictionary<int, BigInteger> _hedges = [];
    private readonly List<OptionLiquidationRecord> _liquidated = [];
    private readonly List<OptionBlockMetrics> _optionBlocks = [];
    private BigInteger[] _hedgeBaseline = [];
    private OptionsState? _state;
    private OptionsState? _start;
    private OptionBlockMetrics _pending;

    public OptionsRun(OptionsAdapter world, string directory)
    {
        _world = world;
        _directory = directory;
        _reader = new OptionsStateReader(world);
        _botIndex = world.Liquidators.ToDictionary(l => l.Address, l => l.Index);
        _lastAcquired = new int[world.Liquidators.Count];
        _sentLiquidations = new int[world.Liquidators.Count];
        _blocks = new OptionBlockJsonLinesWriter(Path.Combine(directory, "options-blocks.jsonl"));
        _pending = new OptionBlockMetrics(0, 0, 0, 0, 0, 0, 0, world.Options.ImpliedVolatility.At(0));
    }

    private OptionsState State => _state ?? throw new InvalidOperationException("the run has not read the chain yet");

    public double OraclePrice => State.OraclePrice;

    public int PositionsUnderwater => State.Positions.Count(p => p.Liquidatable);

    /// <summary>Liquidatable writers and their liability at the mark.</summary>
    public LiquidatableNow Liquidatable =>
        new(State.Positions.Count(p => p.Liquidatable), State.Positions.Where(p => p.Liquidatable).Sum(p => (double)p.MarkValue / 1e18));

    /// <summary>The writers' liability at the mark: what the vault is owed, the base of the shortfall %.</summary>
    public double Exposure => State.Positions.Sum(p => (double)p.MarkValue / 1e18);

    private IEnumerable<OptionWriterAgent> Hedgers => _world.Writers.Where(w => w.HedgerIndex is not null);

    public IReadOnlyList<TransactionRequest> StateCalls() => _reader.Calls();

    public void Observe(IReadOnlyList<byte[]> outputs, PoolReserves pool)
    {
        _state = _reader.Decode(outputs, pool);
        if (_start is null)
        {
            _start = _state;
            _hedgeBaseline = Hedgers.Select((h, i) => _state.HedgerUnderlying[i] + HedgerBookDelta(_state, h.Address)).ToArray();
        }
    }

    public void Started()
    {
    }

    public bool PlanKeeper(int block, OraclePushDecision decision, List<TransactionRequest> transactions)
    {
        var d = _world.Deployment;
        if (decision.Push)
        {
            transactions.Add(d.Feed.PushAnswer(_world.Owner, WorldKit.Answer(decision.Price), Tips.Keeper(BlockPipeline.KeeperGas)));
            transactions.Add(d.Volatility.Poke(_world.Owner, Tips.Keeper(BlockPipeline.KeeperGas)));
        }
        var implied = _world.Options.ImpliedVolatility;
        if (implied.At(block) != implied.At(block - 1))
            transactions.Add(d.Volatility.SetImpliedVolatility(_world.Owner, Wad.Of(implied.At(block)), Tips.Keeper(BlockPipeline.KeeperGas)));
        return decision.Push;
    }

    /// <summary>
    /// Every bot past its reaction delay tries every liquidatable position it holds longs for, with the
    /// lens's minimum amount plus a quarter (the price may move again before the block lands), or the
    /// whole short when only that restores margin. Bots race; the losers' transactions revert.
    /// </summary>
    /// <summary>Option bots act on the block's start state; watching the pending pool is a debt-protocol behaviour.</summary>
    public void PlanLiquidators(int block, BlockConditions conditions, List<TransactionRequest> transactions)
    {
        var state = State;
        Array.Clear(_sentLiquidations);
        foreach (var p in state.Positions)
        {
            var key = (p.Writer, p.SeriesId);
            if (!p.Liquidatable)
                _firstSeen.Remove(key);
            else
                _firstSeen.TryAdd(key, block);
        }
        var d = _world.Deployment;
        var penalty = _world.Options.LiquidationPenalty;
        for (var i = 0; i < _world.Liquidators.Count; i++)
        {
            var bot = _world.Liquidators[i];
            var balances = state.Liquidators[i];
            var longs = balances.Longs.ToArray();
            var orders = new List<(Address Writer, BigInteger SeriesId, BigInteger Amount, BigInteger Profit)>();
            foreach (var p in state.Positions.Where(p => p.Liquidatable && p.Writer != bot.Address))
            {
                if (block - _firstSeen[(p.Writer, p.SeriesId)] < bot.Config.ReactionDelayBlocks)
                    continue;
                var amount = p.MinLiquidationAmount >= p.ShortAmount ? p.ShortAmount : BigInteger.Min(p.ShortAmount, p.MinLiquidationAmount * 5 / 4);
                var series = (int)p.SeriesId;
                if (longs[series] < amount)
                    continue;
                longs[series] -= amount;
                var profit = _world.Units.LoanBase((double)(amount * state.Series[series].Mark / BigInteger.Pow(10, 18)) / 1e18 * penalty);
                orders.Add((p.Writer, p.SeriesId, amount, profit));
            }
            var gas = new GasMarket(conditions.BaseFeeWei, (long)LiquidationGas / 2, conditions.Fundamental);
            var bid = orders.Count == 0 ? BigInteger.Zero : orders.Max(o => bot.Config.GasBid.PriorityFeeWei(o.Profit, gas, _world.Units));
            var sell = bot.Config.Sell.AmountToSell(new Inventory(balances.Underlying, _lastAcquired[i]), block);
            if (sell > 0)
                transactions.Add(d.Uniswap.SwapExactIn(bot.Address, d.Underlying.Address, d.Loan.Address, sell, BigInteger.Zero, Tips.Liquidator(bid, i, BlockPipeline.SwapGas)));
            foreach (var (writer, seriesId, amount, _) in orders)
            {
                transactions.Add(d.Vault.Liquidate(bot.Address, writer, seriesId, amount, Tips.Liquidator(bid, i, LiquidationGas)));
                _sentLiquidations[i]++;
            }
        }
    }

    /// <summary>Hedgers take the borrowers' tip slots: an options scenario has no borrowers.</summary>
    public void PlanAgents(int block, List<TransactionRequest> transactions)
    {
        var state = State;
        _hedges.Clear();
        var d = _world.Deployment;
        var band = _world.Units.CollateralBase(_world.Options.Hedgers.Band * _world.Options.Hedgers.OptionsEach);
        var pool = state.Pool;
        foreach (var (hedger, i) in Hedgers.Select((h, i) => (h, i)))
        {
            var trade = DeltaHedger.Trade(_hedgeBaseline[i], state.HedgerUnderlying[i], HedgerBookDelta(state, hedger.Address), band);
            if (trade.IsZero)
                continue;
            var tip = Tips.Borrower(hedger.HedgerIndex!.Value, BlockPipeline.SwapGas);
            TransactionRequest tx;
            if (trade < 0)
            {
                var amountIn = BigInteger.Min(-trade, state.HedgerUnderlying[i]);
                if (amountIn.IsZero)
                    continue;
                tx = d.Uniswap.SwapExactIn(hedger.Address, d.Underlying.Address, d.Loan.Address, amountIn, BigInteger.Zero, tip);
                pool = pool.AfterSwap(SwapDirection.SellCollateral, amountIn);
                _hedges[transactions.Count] = -amountIn;
            }
            else
            {
                var amountIn = UniswapV2Math.GetAmountIn(BigInteger.Min(trade, pool.Collateral / 2), pool.Loan, pool.Collateral);
                tx = d.Uniswap.SwapExactIn(hedger.Address, d.Loan.Address, d.Underlying.Address, amountIn, BigInteger.Zero, tip);
                pool = pool.AfterSwap(SwapDirection.BuyCollateral, amountIn);
                _hedges[transactions.Count] = trade;
            }
            transactions.Add(tx);
        }
    }

    /// <summary>
    /// Liquidations from the vault's OptionLiquidated events, in block order; a bot's failed liquidations
    /// are the ones it sent less the events naming it. A hedge landed when its transaction emitted a swap.
    /// </summary>
    public LiquidationTally Account(int block, MinedBlock mined)
    {
        var before = State;
        var d = _world.Deployment;
        var u = _world.Units;
        var succeeded = new int[_world.Liquidators.Count];
        int liquidations = 0;
        double seized = 0, volume = 0, shortfall = 0, closed = 0, hedged = 0, sold = 0;
        var price = before.OraclePrice;
        foreach (var e in d.Vault.DecodeEvents(mined.Logs, "OptionLiquidated", OptionVault.OptionLiquidatedEvent.From))
        {
            liquidations++;
            _liquidated.Add(new OptionLiquidationRecord(block, e.Writer, e.Liquidator, (int)e.SeriesId, e.Amount, e.CollateralSeized, e.Shortfall));
            var series = d.Series[(int)e.SeriesId];
            closed += (double)e.Amount / 1e18;
            volume += (double)e.Amount / 1e18 * ((double)before.Series[(int)e.SeriesId].Mark / 1e18);
            seized += series.UnderlyingCollateral ? u.CollateralWhole(e.CollateralSeized) : u.LoanWhole(e.CollateralSeized) / price;
            shortfall += series.UnderlyingCollateral ? u.CollateralWhole(e.Shortfall) * price : u.LoanWhole(e.Shortfall);
            if (_botIndex.TryGetValue(e.Liquidator, out var i))
            {
                succeeded[i]++;
                if (series.UnderlyingCollateral)
                    _lastAcquired[i] = block;
            }
        }
        var swapped = mined.Logs.Where(l => l.Address == d.Pair.Address).Select(l => l.TransactionHash).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var (at, hedge) in _hedges.OrderBy(h => h.Key))
        {
            if (mined.Sent[at].TransactionHash is { } hash && swapped.Contains(hash))
            {
                hedged += Math.Abs(u.CollateralWhole(hedge));
                sold += hedge < 0 ? u.CollateralWhole(-hedge) : 0;
            }
        }
        var failed = 0;
        for (var i = 0; i < succeeded.Length; i++)
            failed += Math.Max(0, _sentLiquidations[i] - succeeded[i]);
        _pending = new OptionBlockMetrics(block, liquidations, closed, hedged, sold, shortfall, 0, _world.Options.ImpliedVolatility.At(block));
        return new LiquidationTally(liquidations, seized, volume, shortfall, 0, failed, shortfall);
    }

    public void Completed(BlockMetrics block)
    {
        var metrics = _pending with { Volatility = (double)State.Volatility / 1e18 };
        _optionBlocks.Add(metrics);
        _blocks.Append(metrics);
    }

    /// <summary>Bots' loan-asset gain plus underlying at the final price plus longs at the final mark, since the first block.</summary>
    public double LiquidatorGain(double finalPrice)
    {
        var (start, end) = (_start ?? State, State);
        var u = _world.Units;
        var gain = 0.0;
        for (var i = 0; i < _world.Liquidators.Count; i++)
        {
            var (a, b) = (start.Liquidators[i], end.Liquidators[i]);
            gain += u.LoanWhole(b.Loan - a.Loan) + (u.CollateralWhole(b.Underlying - a.Underlying) * finalPrice);
            for (var s = 0; s < end.Series.Count; s++)
                gain += (double)(b.Longs[s] - a.Longs[s]) / 1e18 * ((double)end.Series[s].Mark / 1e18);
        }
        return gain;
    }

    public IReadOnlyList<(string Metric, double? Value)> Finish()
    {
        File.WriteAllLines(Path.Combine(_directory, "options-liquidations.csv"), [OptionLiquidationRecord.CsvHeader, .. _liquidated.Select(l => l.ToCsv())]);
        var summary = OptionRunSummary.Of(_optionBlocks);
        return OptionRunSummary.Names.Select((name, i) => (name, summary.Values[i])).ToList();
    }

    public void Dispose() => _blocks.Dispose();

    private BigInteger HedgerBookDelta(OptionsState state, Address hedger) => DeltaHedger.BookDelta(
        state.Positions.Where(p => p.Writer == hedger).Select(p => (p.ShortAmount, state.Series[(int)p.SeriesId].Delta)),
        _world.Units.CollateralDecimals);
}
