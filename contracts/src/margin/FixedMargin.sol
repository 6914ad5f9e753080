// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IMarginModel, MarginParams} from "./IMarginModel.sol";
import {MarginParamsLib} from "./MarginParamsLib.sol";

/// @title FixedMargin
/// @notice The baseline design: the same constants for every position at every price.
///         With fixed thresholds every position opened at the same LTV shares one liquidation
///         price: the "liquidation cliff" the testbed measures.
contract FixedMargin is IMarginModel {
    uint256 public immutable initialLtv;
    uint256 public immutable liquidationThreshold;
    uint256 public immutable closeFactor;
    uint256 public immutable liquidationBonus;

    /// @param initialLtv_ Max LTV at borrow (WAD).
    /// @param liquidationThreshold_ Maintenance threshold (WAD).
    /// @param closeFactor_ Max share of debt per liquidation (WAD).
    /// @param liquidationBonus_ Liquidator bonus (WAD), e.g. 0.05e18 for 5%.
    /// @dev Reverts with the MarginParamsLib errors when the constants break IMarginModel's rules.
    constructor(uint256 initialLtv_, uint256 liquidationThreshold_, uint256 closeFactor_, uint256 liquidationBonus_) {
        MarginParamsLib.validate(MarginParams(initialLtv_, liquidationThreshold_, closeFactor_, liquidationBonus_));
        initialLtv = initialLtv_;
        liquidationThreshold = liquidationThreshold_;
        closeFactor = closeFactor_;
        liquidationBonus = liquidationBonus_;
    }

    /// @inheritdoc IMarginModel
    function params(address, uint256) external view returns (MarginParams memory) {
        return MarginParams(initialLtv, liquidationThreshold, closeFactor, liquidationBonus);
    }
}
