using System.Numerics;
using ProtocolLab.Chain.Contracts;
using ProtocolLab.Chain.Hex;
using ProtocolLab.Chain.Rpc;
using ProtocolLab.Protocols.MorphoBlue;
using ProtocolLab.Simulation.Agents.Liquidation;
using ProtocolLab.Simulation.Agents.Oracle;
using ProtocolLab.Simulation.Engine;
using ProtocolLab.Simulation.ExternalLending;
using ProtocolLab.Simulation.Results;

namespace ProtocolLab.Simulation.MorphoBlue;

/// <summary>
/// One run on Morpho Blue: the keeper pushes the feed MorphoOracleAdapter reads, the bots liquidate
/// positions Morpho calls unhealthy (borrowed above collateral x price x LLTV) with no close factor,
/// naming the collateral they seize, and Morpho's Liquidate events are the block's liquidations.
/// Morpho realizes bad debt itself: a liquidation that takes the last collateral writes the rest of
/// the debt off against the suppliers, and the event's badDebtAssets is the block's bad debt.
/// </summary>
internal sealed class MorphoBlueRun : ExternalLendingRun<MorphoBlueDeployment>
{
    private static readonly BigInteger HealthCap = BigInteger.Pow(10, 30);

    private readonly BigInteger _incentiveFactor;
    private readonly double _priceUnit;
    private readonly BigInteger _oracleScale;
    private MorphoBlueState? _state;
    /// <summary>The price the keeper's push in this block sets; its transaction lands ahead of the bots'.</summary>
    private BigInteger? _pushedPrice;

    public MorphoBlueRun(MorphoBlueAdapter world, string directory)
        : base(world, directory, new LiquidationTerms(1, Bonus(world.Deployment.IncentiveFactor), world.Units.LoanBase(1)))
    {
        _incentiveFactor = world.Deployment.IncentiveFactor;
        // IOracle.price() is loan base units per collateral base unit x 1e36: whole units per whole unit below.
        _priceUnit = Math.Pow(10, 36 + world.Units.LoanDecimals - world.Units.CollateralDecimals);
        // MorphoOracleAdapter's scaleFactor: a feed answer (8 decimals) to IOracle.price().
        _oracleScale = BigInteger.Pow(10, 36 + world.Units.LoanDecimals - world.Units.CollateralDecimals - MorphoBlueKit.FeedDecimals);
    }

    public override int PositionsUnderwater => _state is not { } s ? 0 :
        s.Positions.Count(p => p.BorrowShares > 0 && Units.CollateralToLoan(p.Collateral, OraclePrice) < s.Borrowed(p));

    public override double Exposure => _state is not { } s ? 0 : Units.LoanWhole(s.Positions.Aggregate(BigInteger.Zero, (sum, p) => sum + s.Borrowed(p)));

    private MorphoBlueState State => _state ?? throw new InvalidOperationException("the run has not read Morpho's state yet");

    protected override IEnumerable<TransactionRequest> ProtocolCalls() => MorphoBlueState.Calls(Deployment, World.Borrowers);

    protected override (double OraclePrice, IReadOnlyList<PositionSnapshot> Positions) ObserveProtocol(IReadOnlyList<byte[]> outputs)
    {
        var state = MorphoBlueState.Decode(Deployment, World.Borrowers, outputs);
        _state = state;
        return ((double)state.Price / _priceUnit, state.Positions.Select((p, i) => new PositionSnapshot(i, p.Collateral, state.Borrowed(p), Health(state, p))).ToList());
    }

    protected override void KeeperPlanned(OraclePushDecision decision, List<TransactionRequest> transactions) =>
        _pushedPrice = decision.Push ? WorldKit.Answer(decision.Price) * _oracleScale : null;

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
    protected override TransactionRequest Liquidate(Address liquidator, Address borrower, BigInteger repay, TxOptions options)
    {
        var state = _pushedPrice is { } p ? State with { Price = p } : State;
        var position = state.Positions[BorrowerIndex[borrower]];
        var (seized, repaidShares) = MorphoLiquidationSizing.For(state, position, _incentiveFactor, repay);
        var d = Deployment;
        return repaidShares > 0 ? d.LiquidateRepaying(liquidator, borrower, repaidShares, options) : d.LiquidateSeizing(liquidator, borrower, seized, options);
    }

    protected override IReadOnlyList<DebtLiquidation> DecodeLiquidations(IEnumerable<LogEntry> logs) =>
        Deployment.DecodeLiquidations(logs).Select(e => new DebtLiquidation(e.Borrower, e.Caller, e.SeizedAssets, e.RepaidAssets, e.BadDebtAssets)).ToList();

    /// <summary>
    /// Bad debt from the events' badDebtAssets. The collateral shortfall of a written-off position is
    /// what its collateral was worth less than its debt at the oracle, at most the bad debt.
    /// </summary>
    protected override (double BadDebt, double CollateralShortfall) Losses(IReadOnlyList<DebtLiquidation> liquidations)
    {
        var u = Units;
        var state = State;
        BigInteger badDebt = 0, shortfall = 0;
        foreach (var e in liquidations)
        {
            badDebt += e.WrittenOff;
            if (e.WrittenOff > 0 && BorrowerIndex.TryGetValue(e.Borrower, out var b))
            {
                var before = state.Positions[b];
                var uncovered = state.Borrowed(before) - u.CollateralToLoan(before.Collateral, OraclePrice);
                shortfall += BigInteger.Clamp(uncovered, 0, e.WrittenOff);
            }
        }
        return (u.LoanWhole(badDebt), u.LoanWhole(shortfall));
    }

    protected override IEnumerable<PositionRecord> Records()
    {
        var state = State;
        return state.Positions.Select(p => PositionsCsvWriter.Record(
            p.User.ToString(), p.Collateral, state.Borrowed(p), HealthWad(state, p), Deployment.Params.Lltv, Units));
    }

    /// <summary>Morpho's incentive on the repaid value, from the factor Morpho computes on-chain.</summary>
    /// <summary>The market's immutable LLTV and the incentive Morpho derives from it; a liquidation may repay the whole debt.</summary>
    protected override MarginStateRecord MarginState(int block) =>
        new(block, (double)Deployment.Params.Lltv / 1e18, Bonus(Deployment.IncentiveFactor), 1, null, null, null, null, null, null);

    private static double Bonus(BigInteger incentiveFactor) => ((double)incentiveFactor / 1e18) - 1;

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
        var healthy = state.IsHealthy(position, Deployment.Params.Lltv);
        return healthy ? Math.Max(health, 1) : Math.Min(health, Math.BitDecrement(1.0));
    }

    private BigInteger HealthWad(MorphoBlueState state, MorphoBluePosition position)
    {
        var borrowed = state.Borrowed(position);
        return borrowed.IsZero ? HealthCap
            : BigInteger.Min(HealthCap, MorphoMath.MaxBorrow(position.Collateral, state.Price, Deployment.Params.Lltv) * BigInteger.Pow(10, 18) / borrowed);
    }
}
