// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {DynamicMarginConfig} from "../../src/margin/DynamicMargin.sol";

/// @notice The DynamicMargin configuration the unit tests and the invariant campaign start from.
library DynamicMarginConfigs {
    /// @dev Threshold 0.6..0.85 moving 1 point a block, bonus 5..10% moving half a point, returns capped
    ///      at 25% a round, depth haircut 0.5 x impact up to `maxDepthHaircut`.
    function standard(address feed, address pair, address collateral, address keeper, uint256 maxDepthHaircut)
        internal
        pure
        returns (DynamicMarginConfig memory)
    {
        return DynamicMarginConfig({
            feed: feed,
            pair: pair,
            collateralToken: collateral,
            keeper: keeper,
            minLiquidationThreshold: 0.6e18,
            maxLiquidationThreshold: 0.85e18,
            volSensitivity: 2e18,
            ltvGap: 0.05e18,
            closeFactor: 0.5e18,
            minBonus: 0.05e18,
            maxBonus: 0.1e18,
            bonusVolSensitivity: 0.5e18,
            ewmaDecay: 0.9e18,
            maxReturnPerRound: 0.25e18,
            maxThresholdStepPerBlock: 0.01e18,
            maxBonusStepPerBlock: 0.005e18,
            depthSensitivity: 0.5e18,
            maxDepthHaircut: maxDepthHaircut
        });
    }
}
