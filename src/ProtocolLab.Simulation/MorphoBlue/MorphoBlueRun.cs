using System.Numerics;
using ProtocolLab.Chain.Contracts;
using ProtocolLab.Chain.Hex;
using ProtocolLab.Chain.Rpc;
using ProtocolLab.Protocols.MorphoBlue;
using ProtocolLab.Simulation.Agents.Liquidation;
using ProtocolLab.Simulation.Agents.Oracle;
using ProtocolLab.Simulation.Agents.Uniswap;
using ProtocolLab.Simulation.Engine;
using ProtocolLab.Simulation.Metrics;
using ProtocolLab.Simulation.Results;

namespace ProtocolLab.Simulation.MorphoBlue;

/// <summary>
/// One run on Morpho Blue: the keeper pushes the feed MorphoOracleAdapter reads, the bots liquidate
/// positions Morpho calls unhealthy (borrowed above collateral x price x LLTV) with no close factor,
/// naming the collateral they seize, and Morpho's Liquidate events are the block's liquidations.
/// Morpho realizes bad debt itself: a liquidation that takes the last collateral writes the rest of
/// the debt off against the suppliers, and the event's badDebtAssets is the block's bad debt.
/// Writes positions-start.csv and positions-end.csv.
/// </summary>
internal sealed class MorphoBlueRun : IProtocolRun
{
    private static readonly BigInteger HealthCap = BigInteger.Pow(10, 30);

    private readonly MorphoBlueAdapter _world;
    private readonly string _directory;
    private readonly LiquidatorBook _liquidators;
    private readonly Dictionary<Address, int> _botIndex;
    private readonly Dictionary<Address, int> _borrowerIndex;
    private readonly BigInteger _incentiveFactor;
    private readonly double _priceUnit;
    private readonly BigInteger _oracleScale;
    private MorphoBlueState? _state;
    private IReadOnlyList<(BigInteger Collateral, BigInteger Loan)> _balances = [];
    private IReadOnlyList<(BigInteger Collateral, BigInteger Loan)>? _startBalances;
    private IReadOnlyList<PositionSnapshot> _positions = [];
    private PoolReserves _pool = new(0, 0);
    private double _oraclePrice;
    /// <summary>The price the keeper's push in this block sets; its transaction lands ahead of the bots'.</summary>
    private BigInteger? _pushedPrice;

    public MorphoBlueRun(MorphoBlueAdapter world, string directory)
    {
        _world = world;
        _directory = directory;
        _botIndex = world.Liquidators.ToDictionary(l => l.Address, l => l.Index);
        _borrowerIndex = world.Borrowers.Select((b, i) => (b, i)).ToDictionary(x => x.b, x => x.i);
        var d = world.Deployment;
        _incentiveFactor = d.IncentiveFactor;
        // IOracle.price() is loan base units per collateral base unit x 1e36: whole units per whole unit below.
        _priceUnit = Math.Pow(10, 36 + world.Units.LoanDecimals - world.Units.CollateralDecimals);
        // MorphoOracleAdapter's scaleFactor: a feed answer (8 decimals) to IOracle.price().
        _oracleScale = BigInteger.Pow(10, 36 + world.Units.LoanDecimals - world.Units.CollateralDecimals - MorphoBlueKit.FeedDecimals);
        _liquidators = new LiquidatorBook(
            world.Liquidators,
            world.Venue,
            new LiquidationTerms(1, Bonus, world.Units.LoanBase(1)),
            world.Units,
            Liquidate);
    }

    /// <summary>Morpho's incentive on the repaid value, from the factor Morpho computes on-chain.</summary>
    private double Bonus => ((double)_incentiveFactor / 1e18) - 1;

    private MorphoBlueState State => _state ?? throw new InvalidOperationException("the run has not read Morpho's state yet");

    public double OraclePrice => _oraclePrice;

    public int PositionsUnderwater => _state is not { } s ? 0 :
        s.Positions.Count(p => p.BorrowShares > 0 && _world.Units.CollateralToLoan(p.Collateral, _oraclePrice) < s.Borrowed(p));

    public LiquidatableNow Liquidatable => LiquidatableNow.Of(_positions, _world.Units);

    public double Exposure => _state is not { } s ? 0 : _world.Units.LoanWhole(s.Positions.Aggregate(BigInteger.Zero, (sum, p) => sum + s.Borrowed(p)));

    public IReadOnlyList<TransactionRequest> StateCalls()
    {
        var d = _world.Deployment;
        var calls = new List<TransactionRequest>(MorphoBlueState.Calls(d, _world.Borrowers));
        foreach (var bot in _world.Liquidators)
        {
            calls.Add(d.Collateral.BuildCall("balanceOf", [bot.Address]));
            calls.Add(d.Loan.BuildCall("balanceOf", [bot.Address]));
        }
        return calls;
    }

    public void Observe(IReadOnlyList<byte[]> outputs, PoolReserves pool)
    {
        var d = _world.Deployment;
        _pool = pool;
        var stateOutputs = 2 + _world.Borrowers.Count;
        var state = MorphoBlueState.Decode(d, _world.Borrowers, outputs.Take(stateOutputs).ToList());
        _state = state;
        _oraclePrice = (double)state.Price / _priceUnit;
        var balances = new List<(BigInteger, BigInteger)>();
        for (var i = 0; i < _world.Liquidators.Count; i++)
        {
            var at = stateOutputs + (2 * i);
            balances.Add(((BigInteger)d.Collateral.DecodeOutput("balanceOf", outputs[at])[0]!, (BigInteger)d.Loan.DecodeOutput("balanceOf", outputs[at + 1])[0]!));
        }
        _balances = balances;
        _startBalances ??= balances;
        _positions = state.Positions.Select((p, i) => new PositionSnapshot(i, p.Collateral, state.Borrowed(p), Health(state, p))).ToList();
    }

    public void Started() => PositionsCsvWriter.Write(Path.Combine(_directory, "positions-start.csv"), Records());

    public bool PlanKeeper(int block, OraclePushDecision decision, List<TransactionRequest> transactions)
    {
        var d = _world.Deployment;
        _pushedPrice = null;
        if (decision.Push)
        {
            transactions.Add(d.Feed.PushAnswer(d.Owner, WorldKit.Answer(decision.Price), Tips.Keeper(BlockPipeline.KeeperGas)));
            _pushedPrice = WorldKit.Answer(decision.Price) * _oracleScale;
        }
        return decision.Push;
    }

    public void PlanLiquidators(int block, BlockConditions conditions, List<TransactionRequest> transactions) =>
        _liquidators.Plan(block, new LiquidationView(_positions, _world.Borrowers, _oraclePrice, _pool, _balances), conditions, transactions);

    /// <summary>Borrowers on Morpho are passive in this build (the adapter refuses other behaviours).</summary>
    public void PlanAgents(int block, List<TransactionRequest> transactions)
    {
    }

    /// <summary>
    /// Liquidations from Morpho's events, bad debt from their badDebtAssets. The collateral shortfall
    /// of a written-off position is what its collateral was worth less than its debt at the oracle
    /// (the state read is the block's start), at most the bad debt.
    /// </summary>
    public LiquidationTally Account(int block, MinedBlock mined)
    {
        var u = _world.Units;
        var state = State;
        var succeeded = new int[_world.Liquidators.Count];
        BigInteger seized = 0, repaid = 0, badDebt = 0, shortfall = 0;
        var liquidations = 0;
        foreach (var e in _world.Deployment.DecodeLiquidations(mined.Logs))
        {
            liquidations++;
            seized += e.SeizedAssets;
            repaid += e.RepaidAssets;
            badDebt += e.BadDebtAssets;
            _liquidators.Landed(block, e.Borrower);
            if (e.BadDebtAssets > 0 && _borrowerIndex.TryGetValue(e.Borrower, out var b))
            {
                var before = state.Positions[b];
                var uncovered = state.Borrowed(before) - u.CollateralToLoan(before.Collateral, _oraclePrice);
                shortfall += BigInteger.Clamp(uncovered, 0, e.BadDebtAssets);
            }
            if (_botIndex.TryGetValue(e.Caller, out var i))
            {
                succeeded[i]++;
                _liquidators.Acquired(i, block);
            }
        }
        var failed = _liquidators.Failed(succeeded, mined);
        return new LiquidationTally(liquidations, u.CollateralWhole(seized), u.LoanWhole(repaid), u.LoanWhole(badDebt), 0, failed, u.LoanWhole(shortfall));
    }

    public void Completed(BlockMetrics block)
    {
    }

    public double LiquidatorGain(double finalPrice) => LiquidatorBook.Gain(_world.Units, _startBalances ?? _balances, _balances, finalPrice);

    public IReadOnlyList<(string Metric, double? Value)> Finish()
    {
        PositionsCsvWriter.Write(Path.Combine(_directory, "positions-end.csv"), Records());
        return _liquidators.LagMetrics();
    }

    public void Dispose()
    {
    }

    /// <summary>
    /// The bot's repay amount as the one liquidate call the position can bear (type(uint256).max: all of
    /// it), sized at the price the call will meet: the keeper's push of this block if there is one. Aave
    /// sizes a liquidation on-chain at that price; Morpho takes the size as an argument, and sized at the
    /// block-start price a full repayment by shares reverts once the push lowers the price below what the
    /// collateral covers. Measured on morpho-blue-crash-30 (5 seeds): 6.2 to 10 failed liquidations a run
    /// that way, 4.6 to 6.2 this way, and every failure left is a race lost to the other bot's liquidation
    /// of the same position in the same block (checked on 3 seeds). Which positions to liquidate is still
    /// decided on the block-start state.
    /// </summary>
    private TransactionRequest Liquidate(Address liquidator, Address borrower, BigInteger repay, TxOptions options)
    {
        var state = _pushedPrice is { } p ? State with { Price = p } : State;
        var position = state.Positions[_borrowerIndex[borrower]];
        var (seized, repaidShares) = MorphoLiquidationSizing.For(state, position, _incentiveFactor, repay);
        var d = _world.Deployment;
        return repaidShares > 0 ? d.LiquidateRepaying(liquidator, borrower, repaidShares, options) : d.LiquidateSeizing(liquidator, borrower, seized, options);
    }

    /// <summary>
    /// maxBorrow / borrowed as a double, kept on the side of 1 that Morpho's exact integer rule puts it,
    /// so a bot never calls a position Morpho would refuse to liquidate, or misses one it would not.
    /// </summary>
    private double Health(MorphoBlueState state, MorphoBluePosition position)
    {
        var borrowed = state.Borrowed(position);
        if (borrowed.IsZero)
            return double.MaxValue;
        var health = (double)HealthWad(state, position) / 1e18;
        var healthy = state.IsHealthy(position, _world.Deployment.Params.Lltv);
        return healthy ? Math.Max(health, 1) : Math.Min(health, Math.BitDecrement(1.0));
    }

    private BigInteger HealthWad(MorphoBlueState state, MorphoBluePosition position)
    {
        var borrowed = state.Borrowed(position);
        return borrowed.IsZero ? HealthCap
            : BigInteger.Min(HealthCap, MorphoMath.MaxBorrow(position.Collateral, state.Price, _world.Deployment.Params.Lltv) * BigInteger.Pow(10, 18) / borrowed);
    }

    private List<PositionRecord> Records()
    {
        var state = State;
        return state.Positions.Select(p => PositionsCsvWriter.Record(
            p.User.ToString(), p.Collateral, state.Borrowed(p), HealthWad(state, p), _world.Deployment.Params.Lltv, _world.Units)).ToList();
    }
}
