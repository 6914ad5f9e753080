// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @notice Margin parameters of one position, all WAD (1e18 = 100%).
/// @param initialLtv Max debt / collateral value for borrows and collateral withdrawals.
/// @param liquidationThreshold Maintenance requirement: health factor = collateral value x threshold / debt.
/// @param closeFactor Max share of the debt one liquidation may repay (unless dust or insolvent).
/// @param liquidationBonus Extra collateral the liquidator receives: seized value = repaid x (1 + bonus).
struct MarginParams {
    uint256 initialLtv;
    uint256 liquidationThreshold;
    uint256 closeFactor;
    uint256 liquidationBonus;
}

/// @title IMarginModel
/// @notice A margin design. The lending market asks it for a position's parameters at every
///         borrow, collateral withdrawal, liquidation and health view; a new design is a new
///         contract implementing this interface, the market does not change.
/// @dev Implementations must guarantee, for every answer:
///      initialLtv <= liquidationThreshold <= 1, 0 < closeFactor <= 1 and
///      liquidationThreshold x (1 + liquidationBonus) < 1 (else a liquidation cannot restore health).
///      `params` is a view: state a model needs (volatility, depth) is updated by its own keeper
///      call, e.g. DynamicMargin.poke(), never by the market.
interface IMarginModel {
    /// @notice Margin parameters for `borrower` holding `positionCollateral` (collateral-token units).
    /// @dev The market passes the collateral the position holds after the action being checked
    ///      (after a withdrawal, before a liquidation), so size-aware models can charge big positions more.
    function params(address borrower, uint256 positionCollateral) external view returns (MarginParams memory);
}
