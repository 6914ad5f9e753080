using System.Numerics;
using ProtocolLab.Chain.Contracts;
using ProtocolLab.Chain.Hex;
using ProtocolLab.Chain.Rpc;
using ProtocolLab.Protocols.Bindings;
using ProtocolLab.Protocols.Markets;
using ProtocolLab.Protocols.Uniswap;

namespace ProtocolLab.Protocols.AaveV3;

/// <summary>One listed asset: its aToken and debt tokens (proxies the configurator created).</summary>
public sealed record AaveV3Reserve(Address Asset, Contract AToken, Contract VariableDebtToken, Address StableDebtToken);

/// <summary>
/// A deployed Aave v3 market (the real bytecode of @aave/core-v3) over the two test tokens and their
/// Uniswap V2 pair. The builders return unsent transactions for the engine's one-batch-per-block
/// sending; their gas must be explicit, as for every batch.
/// </summary>
public sealed record AaveV3Deployment(
    Address Owner,
    TestToken Collateral,
    TestToken Loan,
    UniswapV2 Uniswap,
    UniswapV2Pair Pair,
    PushFeed Feed,
    AaveFeedAdapter FeedAdapter,
    Contract AddressesProvider,
    Contract AclManager,
    Contract Pool,
    Contract Configurator,
    Contract Oracle,
    AaveV3Reserve CollateralReserve,
    AaveV3Reserve LoanReserve) : IDebtMarketDeployment
{
    /// <summary>Aave's interestRateMode for variable-rate debt (1 is stable, disabled here).</summary>
    public const int VariableRateMode = 2;

    public ChainSession Session => Pool.Session;

    /// <summary>The pool proxy: LiquidationCall is emitted by a library the pool delegatecalls, so it is in the proxy's logs.</summary>
    public Address Protocol => Pool.Address;

    /// <summary>Approve the pool, then supply: the first supply of an asset with a non-zero LTV also enables it as collateral.</summary>
    public IReadOnlyList<TransactionRequest> SupplyCollateral(Address from, BigInteger amount, TxOptions options) =>
    [
        Collateral.Approve(from, Pool.Address, amount, options),
        Pool.BuildTransaction(from, "supply", [Collateral.Address, amount, from, 0], options),
    ];

    public TransactionRequest Borrow(Address from, BigInteger amount, TxOptions options) =>
        Pool.BuildTransaction(from, "borrow", [Loan.Address, amount, VariableRateMode, 0, from], options);

    /// <summary>
    /// Repays up to <paramref name="debtToCover"/> of <paramref name="user"/>'s loan debt for their
    /// collateral, paid out as the underlying (receiveAToken=false). Aave caps it at the close factor,
    /// so type(uint256).max asks for "all it allows". The liquidator must have approved the pool.
    /// </summary>
    public TransactionRequest LiquidationCall(Address liquidator, Address user, BigInteger debtToCover, TxOptions options) =>
        Pool.BuildTransaction(liquidator, "liquidationCall", [Collateral.Address, Loan.Address, user, debtToCover, false], options);

    /// <summary>The risk admin re-prices the collateral; ratios in WAD like the kit's options, sent in Aave's bps.</summary>
    public TransactionRequest ConfigureReserveAsCollateral(Address riskAdmin, BigInteger ltv, BigInteger liquidationThreshold, BigInteger bonus, TxOptions options) =>
        Configurator.BuildTransaction(riskAdmin, "configureReserveAsCollateral",
        [
            Collateral.Address,
            AaveBps.FromWad(ltv, nameof(ltv)),
            AaveBps.FromWad(liquidationThreshold, nameof(liquidationThreshold)),
            AaveBps.BonusFromWad(bonus, nameof(bonus)),
        ], options);

    /// <summary>
    /// Every user's account data, collateral aToken balance and variable debt: three eth_calls a user
    /// in one JSON-RPC batch (split only past the session's batch size, 500 calls by default).
    /// </summary>
    public Task<IReadOnlyList<AaveV3Account>> ReadAccountsAsync(IReadOnlyList<Address> users, BlockTag? block = null, CancellationToken cancellationToken = default) =>
        AaveV3Account.ReadAsync(this, users, block ?? BlockTag.Latest, cancellationToken);

    /// <summary>The pool's LiquidationCall events among <paramref name="logs"/>, in log order.</summary>
    public IReadOnlyList<AaveV3Liquidation> DecodeLiquidations(IEnumerable<LogEntry> logs) => AaveV3Liquidation.Decode(Pool, logs);
}
