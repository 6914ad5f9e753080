// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {WAD, MathLib} from "../libraries/MathLib.sol";

/// @title DynamicMarginLib
/// @notice DynamicMargin's state updates as pure functions, fuzzed directly in tests.
library DynamicMarginLib {
    using MathLib for uint256;

    /// @dev A depth reading counts as at most twice, or at least half, the smoothed depth, so one
    ///      manipulated reserve moves the average by at most (1 - decay) of a doubling or a halving.
    uint256 internal constant MAX_DEPTH_READING_RATIO = 2;

    /// @dev var' = decay * var + (1 - decay) * r^2 with r = min(|cur - prev| / prev, maxReturn), rounded down.
    ///      Capping r bounds what one round (a manipulated spot price, a broken feed) adds to the variance.
    function ewmaVariance(uint256 variance, uint256 prev, uint256 cur, uint256 maxReturn, uint256 decay)
        internal
        pure
        returns (uint256)
    {
        uint256 r = MathLib.min((cur > prev ? cur - prev : prev - cur).wDivDown(prev), maxReturn);
        return variance.wMulDown(decay) + r.wMulDown(r).wMulDown(WAD - decay);
    }

    /// @dev depth' = decay * depth + (1 - decay) * clamp(reading, depth / 2, 2 * depth), rounded down;
    ///      the first reading (depth 0) is taken as it is.
    function ewmaDepth(uint256 depth, uint256 reading, uint256 decay) internal pure returns (uint256) {
        if (depth == 0) return reading;
        uint256 bounded = reading.clamp(depth / MAX_DEPTH_READING_RATIO, depth * MAX_DEPTH_READING_RATIO);
        return depth.wMulDown(decay) + bounded.wMulDown(WAD - decay);
    }

    /// @dev Moves `current` toward `target` by at most `maxStep`.
    function stepToward(uint256 current, uint256 target, uint256 maxStep) internal pure returns (uint256) {
        if (target < current) return current - MathLib.min(current - target, maxStep);
        return current + MathLib.min(target - current, maxStep);
    }

    /// @dev value / (depth + value): the average price impact of selling `value` into a constant-product
    ///      pool whose other side holds `depth` (same units), WAD, rounded up (the haircut errs high).
    function impactUp(uint256 value, uint256 depth) internal pure returns (uint256) {
        return value.mulDivUp(WAD, depth + value);
    }
}
