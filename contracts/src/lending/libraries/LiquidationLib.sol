// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Errors} from "../../libraries/Errors.sol";
import {WAD, MathLib} from "../../libraries/MathLib.sol";
import {MarginParams} from "../../margin/IMarginModel.sol";

/// @notice An oracle answer with the units needed to convert collateral into loan-asset units.
/// @dev loan value of c = c x price x loanUnit / (collateralUnit x priceUnit).
struct PriceScale {
    uint256 price;
    uint256 collateralUnit;
    uint256 loanUnit;
    uint256 priceUnit;
}

/// @notice Outcome of one liquidation, in token units.
struct LiquidationResult {
    uint256 repaid; // loan asset the liquidator repays (debt removed)
    uint256 seized; // collateral the liquidator receives
    uint256 badDebt; // debt left with no collateral behind it
    uint256 collateralShortfall; // part of badDebt the collateral was worth less than; the rest is the bonus lenders pay
}

/// @title LiquidationLib
/// @notice Valuation, health and liquidation sizing: pure functions, fuzzed directly in tests.
/// @dev Rounding favours the protocol: collateral value and seized collateral round down, the
///      repayment that buys all collateral rounds up.
library LiquidationLib {
    using MathLib for uint256;

    /// @dev Collateral value in loan-asset units, rounded down.
    function collateralValueDown(uint256 collateral, PriceScale memory s) internal pure returns (uint256) {
        return collateral.mulDivDown(s.price * s.loanUnit, s.collateralUnit * s.priceUnit);
    }

    /// @dev Largest debt `collateral` supports at `ratio` (initial LTV or threshold), rounded down.
    function maxDebtDown(uint256 collateral, uint256 ratio, PriceScale memory s) internal pure returns (uint256) {
        return collateralValueDown(collateral, s).wMulDown(ratio);
    }

    /// @dev collateral value x threshold / debt (WAD), rounded down; type(uint256).max without debt.
    function healthFactorDown(uint256 collateral, uint256 debt, uint256 threshold, PriceScale memory s)
        internal
        pure
        returns (uint256)
    {
        if (debt == 0) return type(uint256).max;
        return collateralValueDown(collateral, s).mulDivDown(threshold, debt);
    }

    /// @dev Close-factor cap; a debt at or below `dust`, or one the cap would leave below `dust`,
    ///      may be repaid whole.
    function maxRepayOf(uint256 debt, uint256 closeFactor, uint256 dust) internal pure returns (uint256) {
        if (debt <= dust) return debt;
        uint256 capped = debt.wMulDown(closeFactor);
        return debt - capped < dust ? debt : capped;
    }

    /// @dev Repayment that buys all `collateral` at the bonus price, rounded up.
    function fullSeizeRepayUp(uint256 collateral, uint256 bonus, PriceScale memory s) internal pure returns (uint256) {
        return collateral.mulDivUp(s.price * s.loanUnit * WAD, s.collateralUnit * s.priceUnit * (WAD + bonus));
    }

    /// @dev Collateral worth `debtReduction` x (1 + bonus) at the oracle price, rounded down.
    function seizedForDown(uint256 debtReduction, uint256 bonus, PriceScale memory s) internal pure returns (uint256) {
        return debtReduction.mulDivDown(s.collateralUnit * s.priceUnit * (WAD + bonus), s.price * s.loanUnit * WAD);
    }

    /// @notice Sizes a liquidation of a position already known to be below health factor 1.
    /// @dev Solvent position (collateral covers debt x (1 + bonus)): repaid = min(requested, maxRepayOf),
    ///      seized = repaid x (1 + bonus) / price rounded down (always < collateral unless all debt is repaid);
    ///      reverts LiquidationWouldLeaveDust when 0 < debt - repaid < dust.
    ///      Insolvent position: the close factor is lifted and the liquidation must take all collateral for
    ///      fullSeizeRepayUp (reverts PartialLiquidationOfInsolventPosition if `requested` is smaller);
    ///      the remaining debt is bad debt. Of it, debt - collateral value is the collateral shortfall and
    ///      the rest the liquidator's bonus, which lenders pay when debt < collateral value < debt x (1 + bonus):
    ///      Aave and Morpho do the same, so it is kept but reported apart.
    function compute(
        uint256 collateral,
        uint256 debt,
        uint256 requested,
        MarginParams memory m,
        uint256 dust,
        PriceScale memory s
    ) internal pure returns (LiquidationResult memory r) {
        uint256 fullSeizeRepay = fullSeizeRepayUp(collateral, m.liquidationBonus, s);
        if (fullSeizeRepay < debt) {
            if (requested < fullSeizeRepay) revert Errors.PartialLiquidationOfInsolventPosition(fullSeizeRepay);
            r.repaid = fullSeizeRepay;
            r.seized = collateral;
            r.badDebt = debt - fullSeizeRepay;
            r.collateralShortfall = MathLib.min(debt.zeroFloorSub(collateralValueDown(collateral, s)), r.badDebt);
            return r;
        }
        r.repaid = MathLib.min(requested, maxRepayOf(debt, m.closeFactor, dust));
        uint256 remaining = debt - r.repaid;
        if (remaining != 0 && remaining < dust) revert Errors.LiquidationWouldLeaveDust(remaining, dust);
        r.seized = MathLib.min(seizedForDown(r.repaid, m.liquidationBonus, s), collateral);
    }
}
