namespace ProtocolLab.Simulation.Metrics;

/// <summary>
/// What happened in one block. Prices in whole loan units per collateral unit; amounts in
/// whole tokens (collateral for <see cref="CollateralSeized"/>, loan asset otherwise), counted
/// for this block only (not cumulative).
/// </summary>
/// <param name="Block">Block index of the run, 0 = the state before the first simulated block.</param>
/// <param name="Timestamp">Block timestamp, Unix seconds.</param>
/// <param name="FundamentalPrice">The scenario's price path at this block.</param>
/// <param name="PairPrice">The Uniswap V2 pair's spot price at the end of the block.</param>
/// <param name="OraclePrice">The answer the lending market reads at the end of the block.</param>
/// <param name="Liquidations">Successful liquidation calls.</param>
/// <param name="CollateralSeized">Collateral transferred to liquidators.</param>
/// <param name="DebtRepaid">Debt repaid by liquidators (the liquidation volume).</param>
/// <param name="BadDebt">Debt left uncovered by collateral, realized in this block.</param>
/// <param name="InsuranceDrawn">Part of that bad debt the insurance fund paid.</param>
/// <param name="PositionsUnderwater">Open positions whose collateral, at the oracle price, is worth less than their debt at the end of the block.</param>
/// <param name="FailedLiquidations">Liquidation transactions that reverted (raced or stale).</param>
/// <param name="GasUsed">Gas used by all transactions of the block.</param>
/// <param name="BadDebtCollateralShortfall">Of <paramref name="BadDebt"/>, what the collateral was worth less than the debt at the oracle price; the rest is the liquidation bonus lenders paid on still-solvent positions.</param>
public sealed record BlockMetrics(
    int Block,
    long Timestamp,
    double FundamentalPrice,
    double PairPrice,
    double OraclePrice,
    int Liquidations,
    double CollateralSeized,
    double DebtRepaid,
    double BadDebt,
    double InsuranceDrawn,
    int PositionsUnderwater,
    int FailedLiquidations,
    long GasUsed,
    double BadDebtCollateralShortfall = 0)
{
    /// <summary>The block's EIP-1559 base fee, gwei (0 without a gas section).</summary>
    public double BaseFeeGwei { get; init; }

    /// <summary>The block's gas limit: gasUsed / gasLimit is how full it was.</summary>
    public long GasLimit { get; init; }

    /// <summary>Transactions sent for this block that did not fit in it: dropped, their senders re-plan next block.</summary>
    public int DelayedTransactions { get; init; }

    /// <summary>Positions a bot could liquidate at the end of the block (health factor below 1, collateral left to seize).</summary>
    public int LiquidatablePositions { get; init; }

    /// <summary>What those positions owe, whole loan units (options: the writers' liability at the mark): the liquidation backlog.</summary>
    public double LiquidatableDebt { get; init; }

    /// <summary>The pair's loan-asset reserve at the end of the block, whole units: its depth on the side a crash drains.</summary>
    public double PairLoanReserve { get; init; }
}
