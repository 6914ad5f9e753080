using System.Numerics;
using ProtocolLab.Chain.Contracts;
using ProtocolLab.Chain.Hex;
using ProtocolLab.Chain.Rpc;
using ProtocolLab.Protocols.Bindings;
using ProtocolLab.Protocols.Markets;
using ProtocolLab.Protocols.Uniswap;

namespace ProtocolLab.Protocols.MorphoBlue;

/// <summary>
/// A deployed Morpho Blue singleton (Morpho.sol 1.0.0 compiled from its published sources) with one
/// market over the two test tokens and their Uniswap V2 pair. The builders return unsent transactions
/// for the engine's one-batch-per-block sending; their gas must be explicit, as for every batch.
/// </summary>
public sealed record MorphoBlueDeployment(
    Address Owner,
    TestToken Collateral,
    TestToken Loan,
    UniswapV2 Uniswap,
    UniswapV2Pair Pair,
    PushFeed Feed,
    MorphoOracleAdapter Oracle,
    Contract Morpho,
    MorphoMarketParams Params) : IDebtMarketDeployment
{
    private static readonly byte[] NoCallback = [];

    public ChainSession Session => Morpho.Session;

    /// <summary>The Morpho singleton, which emits every market's events.</summary>
    public Address Protocol => Morpho.Address;

    /// <summary>The market's liquidation incentive factor (WAD), which Morpho derives from the LLTV.</summary>
    public BigInteger IncentiveFactor => MorphoMath.IncentiveFactor(Params.Lltv);

    /// <summary>Approve Morpho, then supply collateral on the sender's own behalf.</summary>
    public IReadOnlyList<TransactionRequest> SupplyCollateral(Address from, BigInteger amount, TxOptions options) =>
    [
        Collateral.Approve(from, Morpho.Address, amount, options),
        Morpho.BuildTransaction(from, "supplyCollateral", [Params.Tuple, amount, from, NoCallback], options),
    ];

    /// <summary>Borrows <paramref name="amount"/> loan base units (by assets, not shares) to the borrower.</summary>
    public TransactionRequest Borrow(Address from, BigInteger amount, TxOptions options) =>
        Morpho.BuildTransaction(from, "borrow", [Params.Tuple, amount, BigInteger.Zero, from, from], options);

    /// <summary>
    /// Seizes exactly <paramref name="seizedAssets"/> of <paramref name="borrower"/>'s collateral; Morpho
    /// charges the shares it is worth at the oracle price less the incentive (rounded up). This is the
    /// form that works on an underwater position: asking to repay all its shares would seize more
    /// collateral than it holds and revert. The liquidator must have approved Morpho for the loan asset.
    /// </summary>
    public TransactionRequest LiquidateSeizing(Address liquidator, Address borrower, BigInteger seizedAssets, TxOptions options) =>
        Morpho.BuildTransaction(liquidator, "liquidate", [Params.Tuple, borrower, seizedAssets, BigInteger.Zero, NoCallback], options);

    /// <summary>Repays exactly <paramref name="repaidShares"/> of the borrower's debt; Morpho seizes their worth plus the incentive (rounded down).</summary>
    public TransactionRequest LiquidateRepaying(Address liquidator, Address borrower, BigInteger repaidShares, TxOptions options) =>
        Morpho.BuildTransaction(liquidator, "liquidate", [Params.Tuple, borrower, BigInteger.Zero, repaidShares, NoCallback], options);

    /// <summary>The market's totals, the oracle price and every user's position: users + 2 eth_calls in one JSON-RPC batch.</summary>
    public Task<MorphoBlueState> ReadStateAsync(IReadOnlyList<Address> users, BlockTag? block = null, CancellationToken cancellationToken = default) =>
        MorphoBlueState.ReadAsync(this, users, block ?? BlockTag.Latest, cancellationToken);

    /// <summary>This market's Liquidate events among <paramref name="logs"/>, in log order.</summary>
    public IReadOnlyList<MorphoBlueLiquidation> DecodeLiquidations(IEnumerable<LogEntry> logs) => MorphoBlueLiquidation.Decode(Morpho, Params.Id, logs);
}
