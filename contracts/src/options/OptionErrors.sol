// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title OptionErrors
/// @notice Custom errors of the options vault and its margin models and volatility oracle, kept apart
///         from the shared `Errors` library so the two files can change independently. The vault also
///         reverts with shared `Errors` (AmountIsZero, AddressIsZero, OracleAnswerStale,
///         OracleAnswerNonPositive, OracleAnswerTooLarge, SelfLiquidation) where the meaning is identical.
library OptionErrors {
    // ---- configuration ----
    /// @notice A token or feed with more than 18 decimals is not supported by the fixed-point conversions.
    error DecimalsAbove18(uint8 decimals);
    /// @notice A WAD parameter is outside its allowed range [min, max].
    error ParameterOutOfRange(uint256 value, uint256 min, uint256 max);

    // ---- series ----
    /// @notice No series has this id.
    error SeriesNotFound(uint256 seriesId);
    /// @notice A series with the same type, collateral, strike and expiry exists already.
    error SeriesAlreadyExists(uint256 seriesId);
    /// @notice The strike must be positive.
    error StrikeIsZero();
    /// @notice The strike is above the largest price the vault values (MAX_PRICE, Black-Scholes' range).
    error StrikeAboveMax(uint256 strike, uint256 maxStrike);
    /// @notice Only calls may be collateralized with the underlying (covered calls).
    error UnderlyingCollateralOnlyForCalls();
    /// @notice The expiry is outside the window allowed to this creator.
    error ExpiryOutOfRange(uint256 expiry, uint256 minExpiry, uint256 maxExpiry);
    /// @notice A permissionless series' strike is outside [spot / band, spot x band].
    error StrikeOutOfBand(uint256 strike, uint256 minStrike, uint256 maxStrike);
    /// @notice The series has expired: writing, trading and liquidation are closed.
    error SeriesExpired(uint256 seriesId, uint256 expiry);
    /// @notice The series has not expired yet, so it cannot be settled.
    error SeriesNotExpired(uint256 seriesId, uint256 expiry);
    /// @notice The series is settled already.
    error SeriesAlreadySettled(uint256 seriesId);
    /// @notice The series is not settled yet: settle it first.
    error SeriesNotSettled(uint256 seriesId);
    /// @notice The oracle round was stamped before the expiry, so it cannot be the settlement price.
    error OracleAnswerBeforeExpiry(uint256 updatedAt, uint256 expiry);
    /// @notice The settlement round's predecessor is stamped at or after expiry too: only the first round
    ///         at or after expiry fixes the price, so a caller cannot pick a later, more favourable one.
    error SettlementRoundNotFirstAfterExpiry(uint80 roundId, uint256 previousUpdatedAt, uint256 expiry);
    /// @notice Writers' shorts are still unsettled, so the series' shortfall and each long's share are not
    ///         known yet: settle every writer (settlePosition) first.
    error WritersNotSettled(uint256 seriesId, uint256 unsettledShort);

    // ---- positions and longs ----
    /// @notice After the action the position's collateral value is below its initial margin.
    error CollateralBelowInitialMargin(uint256 collateralValue, uint256 initialMargin);
    /// @notice The writer asked to withdraw more collateral than the position holds.
    error WithdrawExceedsCollateral(uint256 collateral, uint256 requested);
    /// @notice The amount exceeds the account's open short in the series.
    error AmountExceedsShort(uint256 shortAmount, uint256 requested);
    /// @notice The amount exceeds the account's long balance in the series.
    error AmountExceedsLong(uint256 longAmount, uint256 requested);
    /// @notice The buyer asked for more than the seller offers.
    error AmountExceedsOffer(uint256 offered, uint256 requested);
    /// @notice The premium at mark plus spread exceeds the buyer's limit.
    error PremiumAboveLimit(uint256 premium, uint256 maxPremium);

    // ---- liquidation ----
    /// @notice The position's collateral value is at or above its maintenance margin.
    error PositionNotLiquidatable(uint256 collateralValue, uint256 maintenanceMargin);
    /// @notice The collateral cannot pay mark plus penalty on the whole short, so the liquidation must close all of it.
    error InsolventPositionMustBeClosed(uint256 shortAmount, uint256 requested);
    /// @notice A partial liquidation would leave the position below maintenance margin.
    error LiquidationLeavesPositionBelowMaintenance(uint256 collateralValue, uint256 maintenanceMargin);

    // ---- volatility oracle ----
    /// @notice Only the keeper may set the implied volatility.
    error CallerIsNotVolatilityKeeper(address caller);
}
