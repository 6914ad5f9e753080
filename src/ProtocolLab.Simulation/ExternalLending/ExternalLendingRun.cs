using System.Numerics;
using ProtocolLab.Chain.Contracts;
using ProtocolLab.Chain.Hex;
using ProtocolLab.Chain.Rpc;
using ProtocolLab.Protocols.Markets;
using ProtocolLab.Simulation.Agents;
using ProtocolLab.Simulation.Agents.Liquidation;
using ProtocolLab.Simulation.Agents.Oracle;
using ProtocolLab.Simulation.Agents.Uniswap;
using ProtocolLab.Simulation.Engine;
using ProtocolLab.Simulation.Metrics;
using ProtocolLab.Simulation.Results;

namespace ProtocolLab.Simulation.ExternalLending;

/// <summary>
/// One run on an external debt protocol, the part every such protocol shares: the bots' balances read
/// with the protocol's state, the keeper's push of the feed, the shared liquidator bots, the block's
/// tally from the protocol's liquidation events, and positions-start.csv / positions-end.csv. Borrowers
/// are passive (the adapters refuse other behaviours). A protocol adds its state read, its liquidation
/// call, its events and how it counts bad debt.
/// </summary>
internal abstract class ExternalLendingRun<TDeployment> : IProtocolRun
    where TDeployment : IDebtMarketDeployment
{
    private readonly string _directory;
    private readonly LiquidatorBook _liquidators;
    private readonly Dictionary<Address, int> _botIndex;
    private readonly MarginStateCsvWriter _margin;
    private IReadOnlyList<(BigInteger Collateral, BigInteger Loan)> _balances = [];
    private IReadOnlyList<(BigInteger Collateral, BigInteger Loan)>? _startBalances;
    private IReadOnlyList<PositionSnapshot> _positions = [];
    private PoolReserves _pool = new(0, 0);

    /// <param name="defaultTerms">The terms the bots assume for a position without its own.</param>
    protected ExternalLendingRun(ExternalLendingAdapter<TDeployment> world, string directory, LiquidationTerms defaultTerms)
    {
        World = world;
        _directory = directory;
        _botIndex = world.Liquidators.ToDictionary(l => l.Address, l => l.Index);
        BorrowerIndex = world.Borrowers.Select((b, i) => (b, i)).ToDictionary(x => x.b, x => x.i);
        _liquidators = new LiquidatorBook(world.Liquidators, world.Venue, defaultTerms, world.Units, Liquidate);
        _margin = MarginStateCsvWriter.Create(Path.Combine(directory, MarginStateCsvWriter.FileName));
    }

    public double OraclePrice { get; private set; }

    public abstract int PositionsUnderwater { get; }

    public LiquidatableNow Liquidatable => LiquidatableNow.Of(_positions, Units);

    public abstract double Exposure { get; }

    protected ExternalLendingAdapter<TDeployment> World { get; }

    protected TDeployment Deployment => World.Deployment;

    protected MarketUnits Units => World.Units;

    /// <summary>Each borrower's index in the run's population, which is its position's index in every read.</summary>
    protected IReadOnlyDictionary<Address, int> BorrowerIndex { get; }

    /// <summary>The protocol's calls, then each bot's collateral and loan balance.</summary>
    public IReadOnlyList<TransactionRequest> StateCalls()
    {
        var d = Deployment;
        var calls = new List<TransactionRequest>(ProtocolCalls());
        foreach (var bot in World.Liquidators)
        {
            calls.Add(d.Collateral.BuildCall("balanceOf", [bot.Address]));
            calls.Add(d.Loan.BuildCall("balanceOf", [bot.Address]));
        }
        return calls;
    }

    public void Observe(IReadOnlyList<byte[]> outputs, PoolReserves pool)
    {
        var d = Deployment;
        _pool = pool;
        var protocolOutputs = outputs.Count - (2 * World.Liquidators.Count);
        (OraclePrice, _positions) = ObserveProtocol(outputs.Take(protocolOutputs).ToList());
        var balances = new List<(BigInteger, BigInteger)>();
        for (var i = 0; i < World.Liquidators.Count; i++)
        {
            var at = protocolOutputs + (2 * i);
            balances.Add(((BigInteger)d.Collateral.DecodeOutput("balanceOf", outputs[at])[0]!, (BigInteger)d.Loan.DecodeOutput("balanceOf", outputs[at + 1])[0]!));
        }
        _balances = balances;
        _startBalances ??= balances;
    }

    public void Started() => PositionsCsvWriter.Write(Path.Combine(_directory, "positions-start.csv"), Records());

    /// <summary>The keeper's push of the feed the protocol reads, then whatever the protocol adds to it (<see cref="KeeperPlanned"/>).</summary>
    public bool PlanKeeper(int block, OraclePushDecision decision, List<TransactionRequest> transactions)
    {
        var d = Deployment;
        if (decision.Push)
            transactions.Add(d.Feed.PushAnswer(d.Owner, WorldKit.Answer(decision.Price), Tips.Keeper(BlockPipeline.KeeperGas)));
        KeeperPlanned(decision, transactions);
        return decision.Push;
    }

    public void PlanLiquidators(int block, BlockConditions conditions, List<TransactionRequest> transactions) =>
        _liquidators.Plan(block, new LiquidationView(_positions, World.Borrowers, OraclePrice, _pool, _balances), conditions, transactions);

    /// <summary>Borrowers are passive in this build (the adapters refuse other behaviours).</summary>
    public void PlanAgents(int block, List<TransactionRequest> transactions)
    {
    }

    /// <summary>Liquidations from the protocol's events, with the bad debt they leave as the protocol counts it (<see cref="Losses"/>).</summary>
    public LiquidationTally Account(int block, MinedBlock mined)
    {
        var u = Units;
        var liquidations = DecodeLiquidations(mined.Logs);
        var succeeded = new int[World.Liquidators.Count];
        BigInteger seized = 0, repaid = 0;
        foreach (var e in liquidations)
        {
            seized += e.Seized;
            repaid += e.Repaid;
            _liquidators.Landed(block, e.Borrower);
            if (_botIndex.TryGetValue(e.Liquidator, out var i))
            {
                succeeded[i]++;
                _liquidators.Acquired(i, block);
            }
        }
        var (badDebt, shortfall) = Losses(liquidations);
        var failed = _liquidators.Failed(succeeded, mined);
        return new LiquidationTally(liquidations.Count, u.CollateralWhole(seized), u.LoanWhole(repaid), badDebt, 0, failed, shortfall);
    }

    public void Completed(BlockMetrics block) => _margin.Append(MarginState(block.Block));

    public double LiquidatorGain(double finalPrice) => LiquidatorBook.Gain(Units, _startBalances ?? _balances, _balances, finalPrice);

    public IReadOnlyList<(string Metric, double? Value)> Finish()
    {
        PositionsCsvWriter.Write(Path.Combine(_directory, "positions-end.csv"), Records());
        return _liquidators.LagMetrics();
    }

    public void Dispose() => _margin.Dispose();

    /// <summary>The collateral's liquidation terms in force at the end of <paramref name="block"/>, for margin-state.csv.</summary>
    protected abstract MarginStateRecord MarginState(int block);

    /// <summary>The protocol's part of the block's read: its oracle price and every borrower's position, in <see cref="World"/>'s borrower order.</summary>
    protected abstract IEnumerable<TransactionRequest> ProtocolCalls();

    /// <summary>Decodes the outputs of <see cref="ProtocolCalls"/> into the protocol's state: the price it acts on, and the positions as the bots see them.</summary>
    protected abstract (double OraclePrice, IReadOnlyList<PositionSnapshot> Positions) ObserveProtocol(IReadOnlyList<byte[]> outputs);

    /// <summary>After the keeper's push (if any) is planned, from the same owner, so in that order within the block.</summary>
    protected virtual void KeeperPlanned(OraclePushDecision decision, List<TransactionRequest> transactions)
    {
    }

    /// <summary>A bot's liquidation of <paramref name="borrower"/> for up to <paramref name="repay"/> (type(uint256).max: all it may).</summary>
    protected abstract TransactionRequest Liquidate(Address liquidator, Address borrower, BigInteger repay, TxOptions options);

    /// <summary>The protocol's liquidation events among the block's logs, in log order.</summary>
    protected abstract IReadOnlyList<DebtLiquidation> DecodeLiquidations(IEnumerable<LogEntry> logs);

    /// <summary>
    /// The bad debt the block's <paramref name="liquidations"/> leave and how much of it is collateral
    /// shortfall (collateral worth less than the debt at the oracle, the state read being the block's start), whole loan units.
    /// </summary>
    protected abstract (double BadDebt, double CollateralShortfall) Losses(IReadOnlyList<DebtLiquidation> liquidations);

    /// <summary>Every position as positions-*.csv writes it.</summary>
    protected abstract IEnumerable<PositionRecord> Records();
}
