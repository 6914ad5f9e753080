using System.Numerics;
using ProtocolLab.Chain.Contracts;
using ProtocolLab.Chain.Hex;
using ProtocolLab.Chain.Rpc;
using ProtocolLab.Protocols;
using ProtocolLab.Protocols.AaveV3;
using ProtocolLab.Simulation.Agents.Liquidation;
using ProtocolLab.Simulation.Agents.Oracle;
using ProtocolLab.Simulation.Agents.Uniswap;
using ProtocolLab.Simulation.Engine;
using ProtocolLab.Simulation.Metrics;
using ProtocolLab.Simulation.Results;

namespace ProtocolLab.Simulation.AaveV3;

/// <summary>
/// One run on Aave v3: the keeper pushes the feed AaveOracle reads, the bots liquidate positions
/// below health factor 1 at Aave's close factor (50%, 100% at or below 0.95), and the pool's
/// LiquidationCall events are the block's liquidations. Aave v3.0 does not write off bad debt: a
/// position whose collateral is all seized keeps its remaining debt, which is counted as bad debt in
/// the block it is left behind. Writes positions-start.csv and positions-end.csv.
/// </summary>
internal sealed class AaveV3Run : IProtocolRun
{
    /// <summary>Aave's CLOSE_FACTOR_HF_THRESHOLD: at or below it, a liquidation may repay the whole debt.</summary>
    private const double FullCloseHealthFactor = 0.95;

    private readonly AaveV3Adapter _world;
    private readonly string _directory;
    private readonly LiquidatorBook _liquidators;
    private readonly Dictionary<Address, int> _botIndex;
    private readonly Dictionary<Address, int> _borrowerIndex;
    private readonly AaveRiskSteward? _steward;
    private IReadOnlyList<AaveV3Account> _accounts = [];
    private IReadOnlyList<(BigInteger Collateral, BigInteger Loan)> _balances = [];
    private IReadOnlyList<(BigInteger Collateral, BigInteger Loan)>? _startBalances;
    private IReadOnlyList<PositionSnapshot> _positions = [];
    private PoolReserves _pool = new(0, 0);
    private double _oraclePrice;

    public AaveV3Run(AaveV3Adapter world, string directory)
    {
        _world = world;
        _directory = directory;
        _botIndex = world.Liquidators.ToDictionary(l => l.Address, l => l.Index);
        _borrowerIndex = world.Borrowers.Select((b, i) => (b, i)).ToDictionary(x => x.b, x => x.i);
        var d = world.Deployment;
        _steward = world.Design.Dynamic is { } rule ? new AaveRiskSteward(world.Design.Base, rule) : null;
        _liquidators = new LiquidatorBook(
            world.Liquidators,
            world.Venue,
            new LiquidationTerms(RealCloseFactor(1), world.Design.Base.Bonus, world.Units.LoanBase(1)),
            world.Units,
            d.LiquidationCall);
    }

    public double OraclePrice => _oraclePrice;

    public int PositionsUnderwater => _accounts.Count(a => a.VariableDebt > 0 && _world.Units.CollateralToLoan(a.CollateralBalance, _oraclePrice) < a.VariableDebt);

    public LiquidatableNow Liquidatable => LiquidatableNow.Of(_positions, _world.Units);

    public double Exposure => _world.Units.LoanWhole(_accounts.Aggregate(BigInteger.Zero, (sum, a) => sum + a.VariableDebt));

    public IReadOnlyList<TransactionRequest> StateCalls()
    {
        var d = _world.Deployment;
        var calls = new List<TransactionRequest> { d.Oracle.BuildCall("getAssetPrice", [d.Collateral.Address]) };
        calls.AddRange(AaveV3Account.Calls(d, _world.Borrowers));
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
        _oraclePrice = (double)(BigInteger)d.Oracle.DecodeOutput("getAssetPrice", outputs[0])[0]! / 1e8;
        var accountOutputs = 3 * _world.Borrowers.Count;
        _accounts = AaveV3Account.Decode(d, _world.Borrowers, outputs.Skip(1).Take(accountOutputs).ToList());
        var balances = new List<(BigInteger, BigInteger)>();
        for (var i = 0; i < _world.Liquidators.Count; i++)
        {
            var at = 1 + accountOutputs + (2 * i);
            balances.Add(((BigInteger)d.Collateral.DecodeOutput("balanceOf", outputs[at])[0]!, (BigInteger)d.Loan.DecodeOutput("balanceOf", outputs[at + 1])[0]!));
        }
        _balances = balances;
        _startBalances ??= balances;
        _positions = _accounts.Select((a, i) =>
        {
            var health = a.VariableDebt.IsZero ? double.MaxValue : (double)BigInteger.Min(a.HealthFactor, BigInteger.Pow(10, 30)) / 1e18;
            // A position with nothing left to seize is bad debt already: no bot can liquidate it (Aave refuses).
            var debt = a.CollateralBalance.IsZero ? BigInteger.Zero : a.VariableDebt;
            return new PositionSnapshot(i, a.CollateralBalance, debt, health)
            {
                Terms = new LiquidationTerms(RealCloseFactor(health), _steward?.Terms.Bonus ?? _world.Design.Base.Bonus, _world.Units.LoanBase(1)),
            };
        }).ToList();
    }

    public void Started() => PositionsCsvWriter.Write(Path.Combine(_directory, "positions-start.csv"), Records());

    /// <summary>
    /// The keeper's push, then (for a dynamic design) the risk steward's re-pricing of the reserve on the
    /// price the oracle holds once the push lands: both from the owner, so in that order within the block.
    /// </summary>
    public bool PlanKeeper(int block, OraclePushDecision decision, List<TransactionRequest> transactions)
    {
        var d = _world.Deployment;
        if (decision.Push)
            transactions.Add(d.Feed.PushAnswer(d.Owner, WorldKit.Answer(decision.Price), Tips.Keeper(BlockPipeline.KeeperGas)));
        if (_steward?.Observe(decision.Push ? decision.Price : _oraclePrice) is { } terms)
            transactions.Add(d.ConfigureReserveAsCollateral(d.Owner, FromBps(terms.Ltv), FromBps(terms.LiquidationThreshold), FromBps(terms.Bonus), Tips.Keeper(BlockPipeline.KeeperGas)));
        return decision.Push;
    }

    private static BigInteger FromBps(double fraction) => Wad.One * (long)Math.Round(fraction * 10_000) / 10_000;

    public void PlanLiquidators(int block, BlockConditions conditions, List<TransactionRequest> transactions) =>
        _liquidators.Plan(block, new LiquidationView(_positions, _world.Borrowers, _oraclePrice, _pool, _balances), conditions, transactions);

    /// <summary>Borrowers on Aave are passive in this build (the adapter refuses other behaviours).</summary>
    public void PlanAgents(int block, List<TransactionRequest> transactions)
    {
    }

    /// <summary>
    /// Liquidations from the pool's events. A borrower whose collateral this block's liquidations took
    /// entirely (the state read is the block's start) leaves the rest of its debt behind: bad debt, of
    /// which the collateral shortfall is what its collateral was worth less than its debt at the oracle.
    /// </summary>
    public LiquidationTally Account(int block, MinedBlock mined)
    {
        var u = _world.Units;
        var succeeded = new int[_world.Liquidators.Count];
        var seizedBy = new Dictionary<Address, (BigInteger Seized, BigInteger Repaid)>();
        BigInteger seized = 0, repaid = 0;
        var liquidations = 0;
        foreach (var e in _world.Deployment.DecodeLiquidations(mined.Logs))
        {
            liquidations++;
            seized += e.LiquidatedCollateralAmount;
            repaid += e.DebtToCover;
            var (s, r) = seizedBy.GetValueOrDefault(e.User);
            seizedBy[e.User] = (s + e.LiquidatedCollateralAmount, r + e.DebtToCover);
            _liquidators.Landed(block, e.User);
            if (_botIndex.TryGetValue(e.Liquidator, out var i))
            {
                succeeded[i]++;
                _liquidators.Acquired(i, block);
            }
        }
        double badDebt = 0, shortfall = 0;
        foreach (var (user, (s, r)) in seizedBy)
        {
            var before = _accounts[_borrowerIndex[user]];
            if (s < before.CollateralBalance || r >= before.VariableDebt)
                continue;
            var left = before.VariableDebt - r;
            badDebt += u.LoanWhole(left);
            var uncovered = before.VariableDebt - u.CollateralToLoan(before.CollateralBalance, _oraclePrice);
            shortfall += u.LoanWhole(BigInteger.Clamp(uncovered, 0, left));
        }
        var failed = _liquidators.Failed(succeeded, mined);
        return new LiquidationTally(liquidations, u.CollateralWhole(seized), u.LoanWhole(repaid), badDebt, 0, failed, shortfall);
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

    /// <summary>Aave's close factor for a health factor: 50% above 0.95, 100% at or below it.</summary>
    private static double RealCloseFactor(double healthFactor) => healthFactor > FullCloseHealthFactor ? 0.5 : 1;

    private List<PositionRecord> Records() => _accounts.Select(a => PositionsCsvWriter.Record(
        a.User.ToString(),
        a.CollateralBalance,
        a.VariableDebt,
        BigInteger.Min(a.HealthFactor, BigInteger.Pow(10, 30)),
        a.CurrentLiquidationThreshold * BigInteger.Pow(10, 14),
        _world.Units)).ToList();
}
