using System.Numerics;
using ProtocolLab.Chain.Contracts;
using ProtocolLab.Chain.Hex;
using ProtocolLab.Chain.Rpc;
using ProtocolLab.Protocols;
using ProtocolLab.Protocols.Bindings;
using ProtocolLab.Protocols.Lending;
using ProtocolLab.Simulation.Agents.Liquidation;
using ProtocolLab.Simulation.Agents.Oracle;
using ProtocolLab.Simulation.Agents.Uniswap;
using ProtocolLab.Simulation.Engine;
using ProtocolLab.Simulation.Lending.Modules;
using ProtocolLab.Simulation.Metrics;
using ProtocolLab.Simulation.Randomness;
using ProtocolLab.Simulation.Results;

namespace ProtocolLab.Simulation.Lending;

/// <summary>
/// One run of the lending market: the keeper pushes or pokes its feeds and pokes a dynamic margin
/// model, liquidator bots liquidate and sell, borrowers top up or deleverage; the market's events
/// are the block's liquidations. Writes positions-start.csv, positions-end.csv and Perez et al.'s
/// liquidatable-by-shock.csv once, and margin-state.csv block by block, next to the pipeline's block files.
/// </summary>
internal sealed class LendingRun : IProtocolRun
{
    private readonly LendingAdapter world;
    private readonly string directory;
    private readonly LendingStateReader _reader;
    private readonly ILendingModuleRun? _module;
    private readonly LiquidatorBook _liquidators;
    private readonly BorrowerActions _borrowers;
    private int _marketCalls;
    private double _fundamental;

    public LendingRun(LendingAdapter world, string directory, SeededRandom random)
    {
        this.world = world;
        this.directory = directory;
        _reader = new LendingStateReader(world);
        _module = ModuleRuns.For(world, directory);
        _liquidators = new LiquidatorBook(
            world.Liquidators,
            world.Venue,
            new LiquidationTerms(world.Design.Base.CloseFactor, world.Design.Base.Bonus, world.Units.LoanBase(1)),
            world.Units,
            world.Deployment.Market.Liquidate,
            _module);
        _borrowers = new BorrowerActions(world, random.Child("borrowers"));
        _botIndex = world.Liquidators.ToDictionary(l => l.Address, l => l.Index);
        _margin = MarginStateCsvWriter.Create(Path.Combine(directory, MarginStateCsvWriter.FileName));
    }

    private readonly Dictionary<Address, int> _botIndex;
    private int _pausedBlocks;
    private readonly MarginStateCsvWriter _margin;
    private LendingState? _state;
    private LendingState? _start;
    private IReadOnlyList<PositionSnapshot> _positions = [];

    private LendingState State => _state ?? throw new InvalidOperationException("the run has not read the chain yet");

    public double OraclePrice => State.OraclePrice;

    public int PositionsUnderwater => State.Underwater(world.Units);

    public LiquidatableNow Liquidatable => LiquidatableNow.Of(_positions, world.Units);

    public double Exposure => world.Units.LoanWhole(State.Totals.TotalBorrowAssets);

    public IReadOnlyList<TransactionRequest> StateCalls()
    {
        var calls = _reader.Calls();
        _marketCalls = calls.Count;
        return _module is null ? calls : [.. calls, .. _module.StateCalls()];
    }

    public void Observe(IReadOnlyList<byte[]> outputs, PoolReserves pool)
    {
        _state = _reader.Decode(outputs.Take(_marketCalls).ToList(), pool);
        _module?.Observe(outputs.Skip(_marketCalls).ToList());
        _start ??= _state;
        _positions = _state.Positions.Select((p, i) => Snapshot(i, p)).ToList();
    }

    public void Started()
    {
        var positions = Records(State);
        PositionsCsvWriter.Write(Path.Combine(directory, "positions-start.csv"), positions);
        LiquidatableByShockCsvWriter.Write(
            Path.Combine(directory, LiquidatableByShockCsvWriter.FileName),
            LiquidatableByShock.Of(positions.Select(p => (p.HealthFactor, p.Debt)).ToList()));
    }

    /// <summary>
    /// Pushes and pokes the sources in order, then the median, then the delay module, then a dynamic
    /// margin model, then a circuit breaker: one sender, so each reads what the one before it wrote in this block.
    /// </summary>
    public bool PlanKeeper(int block, OraclePushDecision decision, List<TransactionRequest> transactions)
    {
        var d = world.Deployment;
        var session = d.Market.Session;
        var tip = Tips.Keeper(BlockPipeline.KeeperGas);
        var perFeed = decision.PerFeed;
        var pushed = false;
        for (var i = 0; i < d.Feeds.Sources.Count; i++)
        {
            var source = d.Feeds.Sources[i];
            if (source.Kind == FeedKind.Push && perFeed[i].Push)
            {
                transactions.Add(new PushFeed(session, source.Address).PushAnswer(world.Owner, WorldKit.Answer(perFeed[i].Price), tip));
                pushed = true;
            }
            else if (source.Kind == FeedKind.Twap)
            {
                transactions.Add(new UniV2TwapFeed(session, source.Address).Poke(world.Owner, tip));
            }
        }
        if (d.Feeds.Median is { } median)
            transactions.Add(median.Poke(world.Owner, tip));
        if (d.Feeds.Delayed is { } delayed)
            transactions.Add(delayed.Poke(world.Owner, tip));
        if (d.DynamicMargin is { } dynamic)
            transactions.Add(dynamic.Poke(world.Owner, tip));
        if (d.CircuitBreaker is { } breaker)
            transactions.Add(breaker.Poke(world.Owner, tip));
        return pushed;
    }

    public void PlanLiquidators(int block, BlockConditions conditions, List<TransactionRequest> transactions)
    {
        _fundamental = conditions.Fundamental;
        _liquidators.Plan(
            block,
            new LiquidationView(_positions, State.Positions.Select(p => p.Borrower).ToList(), State.OraclePrice, State.Pool, State.LiquidatorBalances, State.LiquidationsPausedNext),
            conditions,
            transactions);
    }

    public void PlanAgents(int block, List<TransactionRequest> transactions) => _borrowers.Plan(State, _positions, transactions);

    /// <summary>
    /// A liquidation emits exactly one Liquidate event, and a liquidation module's call one event of the
    /// module naming its sender, so a bot's failed liquidations are the ones it sent less the events
    /// naming it (a rejected send counts as failed too). A module's position counts as liquidated when
    /// the market transfers it (PositionTransferred: its collateral seized); what the module repays
    /// (its Repay events) is the debt repaid, and every write-off is bad debt (BadDebtRealized).
    /// </summary>
    public LiquidationTally Account(int block, MinedBlock mined)
    {
        var market = world.Deployment.Market;
        var succeeded = new int[world.Liquidators.Count];
        var liquidations = 0;
        BigInteger seized = 0, repaid = 0, badDebt = 0, covered = 0, shortfall = 0;
        foreach (var e in market.DecodeEvents(mined.Logs, "Liquidate", LendingMarket.LiquidateEvent.From))
        {
            liquidations++;
            seized += e.Seized;
            repaid += e.Repaid;
            _liquidators.Landed(block, e.Borrower);
            if (_botIndex.TryGetValue(e.Liquidator, out var i))
            {
                succeeded[i]++;
                _liquidators.Acquired(i, block);
            }
        }
        foreach (var e in market.DecodeEvents(mined.Logs, "BadDebtRealized", LendingMarket.BadDebtRealizedEvent.From))
        {
            badDebt += e.BadDebt;
            covered += e.CoveredByInsurance;
            shortfall += e.CollateralShortfall;
        }
        if (_module is not null && world.Deployment.LiquidationModule is { } module)
        {
            foreach (var e in market.DecodeEvents(mined.Logs, "PositionTransferred", LendingMarket.PositionTransferredEvent.From))
            {
                liquidations++;
                seized += e.Collateral;
                _liquidators.Landed(block, e.Borrower);
            }
            foreach (var e in market.DecodeEvents(mined.Logs, "Repay", LendingMarket.RepayEvent.From).Where(e => e.Borrower == module))
                repaid += e.Assets;
            var acquired = new HashSet<int>();
            _module.Account(block, _fundamental, mined, _botIndex, succeeded, acquired);
            foreach (var i in acquired)
                _liquidators.Acquired(i, block);
        }
        var failed = _liquidators.Failed(succeeded, mined);
        var u = world.Units;
        return new LiquidationTally(liquidations, u.CollateralWhole(seized), u.LoanWhole(repaid), u.LoanWhole(badDebt), u.LoanWhole(covered), failed, u.LoanWhole(shortfall));
    }

    public void Completed(BlockMetrics block)
    {
        var m = State.Margin;
        var t = State.Totals;
        var u = world.Units;
        _margin.Append(new MarginStateRecord(
            block.Block, Wad.ToDouble(m.Threshold), Wad.ToDouble(m.Bonus), Wad.ToDouble(m.CloseFactor),
            Fraction(m.TargetThreshold), Fraction(m.TargetBonus), Fraction(m.Sigma), m.Depth is { } depth ? u.LoanWhole(depth) : null,
            u.LoanWhole(t.InsuranceFund), u.LoanWhole(t.TotalSocializedLoss))
        {
            LiquidationsPaused = State.Breaker is { } b ? t.BlockNumber < b.PausedUntil : null,
            BreakerTrips = State.Breaker is { } breaker ? (int)breaker.Trips : null,
        });
        if (State.Breaker is { } paused && t.BlockNumber < paused.PausedUntil && block.Block > 0)
            _pausedBlocks++;

        static double? Fraction(BigInteger? value) => value is { } v ? Wad.ToDouble(v) : null;
    }

    public double LiquidatorGain(double finalPrice) =>
        LiquidatorBook.Gain(world.Units, (_start ?? State).LiquidatorBalances, State.LiquidatorBalances, finalPrice);

    public IReadOnlyList<(string Metric, double? Value)> Finish()
    {
        PositionsCsvWriter.Write(Path.Combine(directory, "positions-end.csv"), Records(State));
        var metrics = new List<(string Metric, double? Value)>(_liquidators.LagMetrics());
        if (State.Breaker is { } breaker)
            metrics.AddRange([("circuitBreakerTrips", (double)breaker.Trips), ("liquidationsPausedBlocks", _pausedBlocks)]);
        if (_module is not null)
            metrics.AddRange(_module.Metrics());
        return metrics;
    }

    public void Dispose()
    {
        _margin.Dispose();
        _module?.Dispose();
    }

    private PositionSnapshot Snapshot(int id, LendingLens.PositionView p) =>
        new(id, p.Collateral, p.Debt, (double)BigInteger.Min(p.HealthFactor, BigInteger.Pow(10, 30)) / 1e18)
        {
            Terms = new LiquidationTerms(Wad.ToDouble(p.CloseFactor), Wad.ToDouble(p.LiquidationBonus), world.Units.LoanBase(1)),
        };

    private List<PositionRecord> Records(LendingState state) =>
        state.Positions.Select(p => PositionsCsvWriter.Record(p.Borrower.ToString(), p.Collateral, p.Debt, p.HealthFactor, p.LiquidationThreshold, world.Units)).ToList();
}
