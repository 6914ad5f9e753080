using System.Numerics;
using ProtocolLab.Chain.Contracts;
using ProtocolLab.Chain.Hex;
using ProtocolLab.Chain.Rpc;
using ProtocolLab.Protocols;
using ProtocolLab.Protocols.AaveV3;
using ProtocolLab.Simulation.Agents.Liquidation;
using ProtocolLab.Simulation.Agents.Oracle;
using ProtocolLab.Simulation.Engine;
using ProtocolLab.Simulation.ExternalLending;
using ProtocolLab.Simulation.Results;

namespace ProtocolLab.Simulation.AaveV3;

/// <summary>
/// One run on Aave v3: the keeper pushes the feed AaveOracle reads, the bots liquidate positions
/// below health factor 1 at Aave's close factor (50%, 100% at or below 0.95), and the pool's
/// LiquidationCall events are the block's liquidations. Aave v3.0 does not write off bad debt: a
/// position whose collateral is all seized keeps its remaining debt, which is counted as bad debt in
/// the block it is left behind.
/// </summary>
internal sealed class AaveV3Run : ExternalLendingRun<AaveV3Deployment>
{
    /// <summary>Aave's CLOSE_FACTOR_HF_THRESHOLD: at or below it, a liquidation may repay the whole debt.</summary>
    private const double FullCloseHealthFactor = 0.95;

    private readonly AaveRiskSteward? _steward;
    private IReadOnlyList<AaveV3Account> _accounts = [];

    public AaveV3Run(AaveV3Adapter world, string directory)
        : base(world, directory, new LiquidationTerms(RealCloseFactor(1), world.Design.Base.Bonus, world.Units.LoanBase(1)))
    {
        _steward = world.Design.Dynamic is { } rule ? new AaveRiskSteward(world.Design.Base, rule) : null;
    }

    public override int PositionsUnderwater => _accounts.Count(a => a.VariableDebt > 0 && Units.CollateralToLoan(a.CollateralBalance, OraclePrice) < a.VariableDebt);

    public override double Exposure => Units.LoanWhole(_accounts.Aggregate(BigInteger.Zero, (sum, a) => sum + a.VariableDebt));

    protected override IEnumerable<TransactionRequest> ProtocolCalls() =>
        [Deployment.Oracle.BuildCall("getAssetPrice", [Deployment.Collateral.Address]), .. AaveV3Account.Calls(Deployment, World.Borrowers)];

    protected override (double OraclePrice, IReadOnlyList<PositionSnapshot> Positions) ObserveProtocol(IReadOnlyList<byte[]> outputs)
    {
        var d = Deployment;
        var price = (double)(BigInteger)d.Oracle.DecodeOutput("getAssetPrice", outputs[0])[0]! / 1e8;
        _accounts = AaveV3Account.Decode(d, World.Borrowers, outputs.Skip(1).ToList());
        var positions = _accounts.Select((a, i) =>
        {
            var health = a.VariableDebt.IsZero ? double.MaxValue : (double)BigInteger.Min(a.HealthFactor, BigInteger.Pow(10, 30)) / 1e18;
            // A position with nothing left to seize is bad debt already: no bot can liquidate it (Aave refuses).
            var debt = a.CollateralBalance.IsZero ? BigInteger.Zero : a.VariableDebt;
            return new PositionSnapshot(i, a.CollateralBalance, debt, health)
            {
                Terms = new LiquidationTerms(RealCloseFactor(health), _steward?.Terms.Bonus ?? World.Design.Base.Bonus, Units.LoanBase(1)),
            };
        }).ToList();
        return (price, positions);
    }

    /// <summary>
    /// For a dynamic design, the risk steward's re-pricing of the reserve on the price the oracle holds
    /// once the keeper's push lands.
    /// </summary>
    protected override void KeeperPlanned(OraclePushDecision decision, List<TransactionRequest> transactions)
    {
        var d = Deployment;
        if (_steward?.Observe(decision.Push ? decision.Price : OraclePrice) is { } terms)
            transactions.Add(d.ConfigureReserveAsCollateral(d.Owner, FromBps(terms.Ltv), FromBps(terms.LiquidationThreshold), FromBps(terms.Bonus), Tips.Keeper(BlockPipeline.KeeperGas)));
    }

    protected override TransactionRequest Liquidate(Address liquidator, Address borrower, BigInteger repay, TxOptions options) =>
        Deployment.LiquidationCall(liquidator, borrower, repay, options);

    protected override IReadOnlyList<DebtLiquidation> DecodeLiquidations(IEnumerable<LogEntry> logs) =>
        Deployment.DecodeLiquidations(logs).Select(e => new DebtLiquidation(e.User, e.Liquidator, e.LiquidatedCollateralAmount, e.DebtToCover, 0)).ToList();

    /// <summary>
    /// A borrower whose collateral this block's liquidations took entirely (the state read is the block's
    /// start) leaves the rest of its debt behind: bad debt, of which the collateral shortfall is what its
    /// collateral was worth less than its debt at the oracle.
    /// </summary>
    protected override (double BadDebt, double CollateralShortfall) Losses(IReadOnlyList<DebtLiquidation> liquidations)
    {
        var u = Units;
        var seizedBy = new Dictionary<Address, (BigInteger Seized, BigInteger Repaid)>();
        foreach (var e in liquidations)
        {
            var (s, r) = seizedBy.GetValueOrDefault(e.Borrower);
            seizedBy[e.Borrower] = (s + e.Seized, r + e.Repaid);
        }
        double badDebt = 0, shortfall = 0;
        foreach (var (user, (s, r)) in seizedBy)
        {
            var before = _accounts[BorrowerIndex[user]];
            if (s < before.CollateralBalance || r >= before.VariableDebt)
                continue;
            var left = before.VariableDebt - r;
            badDebt += u.LoanWhole(left);
            var uncovered = before.VariableDebt - u.CollateralToLoan(before.CollateralBalance, OraclePrice);
            shortfall += u.LoanWhole(BigInteger.Clamp(uncovered, 0, left));
        }
        return (badDebt, shortfall);
    }

    protected override IEnumerable<PositionRecord> Records() => _accounts.Select(a => PositionsCsvWriter.Record(
        a.User.ToString(),
        a.CollateralBalance,
        a.VariableDebt,
        BigInteger.Min(a.HealthFactor, BigInteger.Pow(10, 30)),
        a.CurrentLiquidationThreshold * BigInteger.Pow(10, 14),
        Units));

    private static BigInteger FromBps(double fraction) => Wad.One * (long)Math.Round(fraction * 10_000) / 10_000;

    /// <summary>Aave's close factor for a health factor: 50% above 0.95, 100% at or below it.</summary>
    /// <summary>
    /// The WETH reserve's threshold and bonus as configured (the risk steward's last terms, or the
    /// design's); the close factor above HF 0.95 (Aave repays 100% below it). Aave has no fund here.
    /// </summary>
    protected override MarginStateRecord MarginState(int block)
    {
        var terms = _steward?.Terms;
        return new MarginStateRecord(
            block, terms?.LiquidationThreshold ?? World.Design.Base.LiquidationThreshold, terms?.Bonus ?? World.Design.Base.Bonus, RealCloseFactor(1),
            null, null, null, null, null, null);
    }

    private static double RealCloseFactor(double healthFactor) => healthFactor > FullCloseHealthFactor ? 0.5 : 1;
}
