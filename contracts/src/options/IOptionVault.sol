// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @notice One option series. Prices WAD (loan asset per unit of underlying).
/// @dev Payout and collateral asset: the underlying when `underlyingCollateral` (covered calls), else
///      the loan asset. A covered-call series pays its intrinsic value converted to underlying at the
///      settlement price, so collateral and liability move together.
struct Series {
    uint256 strike;
    uint64 expiry;
    bool isCall;
    bool underlyingCollateral;
    bool settled;
    uint256 settlementPrice; // WAD, 0 until settled
    uint256 openInterest; // longs outstanding (WAD); until settlement also the sum of writers' shorts
    uint256 pool; // payout-asset units collected from settled writers, not yet redeemed
    uint256 badDebt; // collateral-asset units: liquidation shortfalls plus settlement shortfalls
    uint256 unsettledShort; // from settlement on: writers' shorts not yet settled (WAD); redemptions wait for 0
    uint256 recoveryRate; // WAD share of intrinsic value paid on every long, fixed when the last writer settles
}

/// @notice A writer's short position in one series (isolated margin).
struct Position {
    uint256 shortAmount; // options written and not closed (WAD)
    uint256 collateral; // units of the series' collateral asset
}

/// @notice Everything a bot needs about one position, valued at the latest oracle answer. WAD values.
struct PositionHealth {
    address writer;
    uint256 seriesId;
    uint256 shortAmount;
    uint256 collateral; // collateral-asset units
    uint256 collateralValue; // loan-asset WAD, rounded down
    uint256 markValue; // shortAmount x mark, loan-asset WAD
    uint256 initialMargin;
    uint256 maintenanceMargin;
    bool liquidatable; // below maintenance, series live and oracle answer fresh
    uint256 minLiquidationAmount; // smallest close that leaves it at or above maintenance (or the whole short)
}

/// @title IOptionVault
/// @notice European, cash-settled puts and calls on the underlying (collateral) asset, settled in the
///         loan asset. Writers post collateral per series (isolated positions) and mint long options
///         to themselves; they hand them on by `transferLong` or sell them to buyers through an offer at
///         the vault's mark plus spread. Short positions below maintenance margin are liquidated by
///         holders of longs, who deliver longs to close the short and receive collateral worth mark x
///         (1 + penalty). After expiry the series settles at the feed's first round at or after expiry;
///         writers pay the intrinsic value into the series pool and longs redeem it, sharing any
///         shortfall pro rata.
/// @dev Amounts of options are WAD (1e18 = one option on one unit of underlying); token amounts are in
///      the token's own decimals; prices and values are loan-asset WAD. Rounding favours the vault.
interface IOptionVault {
    event SeriesCreated(
        uint256 indexed seriesId, address indexed creator, bool isCall, bool underlyingCollateral, uint256 strike, uint64 expiry
    );
    event OptionWritten(address indexed writer, uint256 indexed seriesId, uint256 amount, uint256 collateralAdded);
    event CollateralDeposited(address indexed writer, uint256 indexed seriesId, uint256 amount);
    event CollateralWithdrawn(address indexed writer, uint256 indexed seriesId, uint256 amount);
    event PositionClosed(address indexed writer, uint256 indexed seriesId, uint256 amount);
    event LongTransferred(uint256 indexed seriesId, address indexed from, address indexed to, uint256 amount);
    event OfferSet(address indexed seller, uint256 indexed seriesId, uint256 amount);
    event OptionBought(
        address indexed buyer, address indexed seller, uint256 indexed seriesId, uint256 amount, uint256 premium
    );
    event OptionLiquidated(
        address indexed writer,
        address indexed liquidator,
        uint256 indexed seriesId,
        uint256 amount,
        uint256 collateralSeized,
        uint256 shortfall
    );
    /// @notice An insolvent liquidation's penalty the collateral could not pay (collateral-asset units):
    ///         the liquidator's lost reward, not a loss of the vault, so not part of the shortfall.
    event LiquidationPenaltyUnpaid(address indexed writer, uint256 indexed seriesId, uint256 unpaidPenalty);
    event SeriesSettled(uint256 indexed seriesId, uint256 settlementPrice, uint256 payoffPerOption);
    event PositionSettled(
        address indexed writer, uint256 indexed seriesId, uint256 obligation, uint256 paid, uint256 shortfall, uint256 refund
    );
    /// @notice Every writer of the series has settled: longs are paid `recoveryRate` (WAD) of intrinsic value.
    event RecoveryRateFixed(uint256 indexed seriesId, uint256 pool, uint256 owed, uint256 recoveryRate);
    event LongRedeemed(address indexed holder, uint256 indexed seriesId, uint256 amount, uint256 payout);

    /// @notice Opens a series. The owner may open any series expiring within (now, now + MAX_SERIES_LIFE]
    ///         with a strike in (0, MAX_PRICE]; anyone else only one expiring within
    ///         [now + 1 hour, now + 366 days] whose strike lies within [spot / strikeBand, spot x strikeBand]
    ///         at a fresh oracle answer.
    /// @dev Reverts SeriesAlreadyExists for a duplicate, UnderlyingCollateralOnlyForCalls for a covered put,
    ///      ExpiryOutOfRange / StrikeAboveMax outside the Black-Scholes library's documented range.
    function createSeries(bool isCall, bool underlyingCollateral, uint256 strike, uint64 expiry)
        external
        returns (uint256 seriesId);

    /// @notice Deposits `collateral` (series collateral-asset units), writes `amount` options and
    ///         credits the caller with `amount` longs. Needs a fresh oracle answer; afterwards the
    ///         position must hold at least its initial margin.
    function write(uint256 seriesId, uint256 amount, uint256 collateral) external;

    /// @notice Adds collateral to the caller's position (never needs the oracle).
    function depositCollateral(uint256 seriesId, uint256 amount) external;

    /// @notice Withdraws collateral; with a short open and before expiry the position must keep its
    ///         initial margin at a fresh oracle answer. Expired positions with a short settle instead.
    function withdrawCollateral(uint256 seriesId, uint256 amount) external;

    /// @notice Burns `amount` of the caller's longs against the same amount of the caller's short.
    function closePosition(uint256 seriesId, uint256 amount) external;

    /// @notice Moves `amount` longs from the caller to `to`.
    function transferLong(uint256 seriesId, address to, uint256 amount) external;

    /// @notice Offers up to `amount` of the caller's longs to any buyer at mark plus spread (0 withdraws).
    function setOffer(uint256 seriesId, uint256 amount) external;

    /// @notice Buys `amount` longs from `seller`'s offer, paying premium = amount x mark x (1 + spread)
    ///         in the loan asset (rounded up) straight to the seller.
    /// @dev Needs a fresh oracle answer and a live series. Reverts PremiumAboveLimit above `maxPremium`.
    /// @return premium Loan-asset units paid.
    function buy(uint256 seriesId, address seller, uint256 amount, uint256 maxPremium) external returns (uint256 premium);

    /// @notice Closes `amount` of `writer`'s short below maintenance: burns the caller's longs and pays
    ///         the caller collateral worth amount x mark x (1 + penalty) at the oracle spot (rounded down).
    /// @dev When the collateral cannot pay that on the whole short, `amount` must be the whole short:
    ///      all collateral is seized; the part of short x mark (rounded up) it cannot cover is recorded as
    ///      the series' bad debt (`shortfall`, collateral-asset units), and the penalty it cannot pay is
    ///      emitted as LiquidationPenaltyUnpaid, not booked. A partial liquidation that leaves the position below
    ///      maintenance reverts. Needs a fresh oracle answer (Errors.OracleAnswerStale) and a live series.
    function liquidate(address writer, uint256 seriesId, uint256 amount)
        external
        returns (uint256 collateralSeized, uint256 shortfall);

    /// @notice Fixes the settlement price at the feed's first round stamped at or after expiry, named by
    ///         the caller (`roundId`) and verified on-chain: round.updatedAt >= expiry and the previous
    ///         round's updatedAt < expiry. Permissionless.
    /// @dev As Chainlink consumers settle: the round is unique, so a caller cannot wait for or pick a
    ///      later, more favourable answer (OracleAnswerBeforeExpiry, SettlementRoundNotFirstAfterExpiry).
    ///      The feed must serve getRoundData for that round and its predecessor (round ids consecutive,
    ///      as PushFeed's); the answer must lie in (0, MAX_PRICE]. The round need not be fresh when the
    ///      call comes: a late settlement uses the same price. If the feed's first round after expiry
    ///      comes late, its answer is still the settlement price; no other round qualifies.
    function settleSeries(uint256 seriesId, uint80 roundId) external;

    /// @notice Moves a writer's obligation (short x payoff, rounded up) from its collateral into the
    ///         series pool, records any shortfall as bad debt and refunds the rest. Permissionless. The
    ///         last writer to settle fixes the series' recovery rate = min(1, pool / intrinsic value of
    ///         all longs), rounded down.
    function settlePosition(address writer, uint256 seriesId) external;

    /// @notice Burns `amount` longs and pays amount x payoff (rounded down) x the series' recovery rate
    ///         from the pool: exactly the intrinsic value when writers covered it, else the same share of
    ///         it for every holder (a shortfall is shared pro rata, not first come, first served).
    /// @dev Reverts WritersNotSettled until every writer of the series has settled (settlePosition is
    ///      permissionless; positionKeyAt lists them), because only then is the shortfall known.
    function redeem(uint256 seriesId, uint256 amount) external returns (uint256 payout);

    /// @notice Number of series; ids run from 0.
    function seriesCount() external view returns (uint256);

    /// @notice The series' data.
    function getSeries(uint256 seriesId) external view returns (Series memory);

    /// @notice A writer's position in a series.
    function getPosition(address writer, uint256 seriesId) external view returns (Position memory);

    /// @notice Long balance of `holder` in a series.
    function longOf(uint256 seriesId, address holder) external view returns (uint256);

    /// @notice Number of (writer, series) positions ever opened, for paging.
    function positionCount() external view returns (uint256);

    /// @notice The `index`-th (writer, series) position key.
    function positionKeyAt(uint256 index) external view returns (address writer, uint256 seriesId);

    /// @notice Black-Scholes mark (loan-asset WAD per option) and delta (signed WAD) at the latest answer.
    /// @dev Does not check staleness; intrinsic value after expiry.
    function markOf(uint256 seriesId) external view returns (uint256 mark, int256 delta);

    /// @notice Margin state of a position at the latest answer (see PositionHealth).
    function positionHealth(address writer, uint256 seriesId) external view returns (PositionHealth memory);
}
