// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title MedianLib
/// @notice The median of a few positive answers and the deviation test of a guarded feed.
library MedianLib {
    /// @notice The median of `values` (sorted in place); for an even count the mean of the two middle
    ///         values, rounded down.
    /// @dev Insertion sort: feeds have at most 7 sources, where it beats anything cleverer. An empty
    ///      array has no median and reverts with a panic (index out of bounds).
    function medianDown(uint256[] memory values) internal pure returns (uint256) {
        uint256 n = values.length;
        for (uint256 i = 1; i < n; ++i) {
            uint256 v = values[i];
            uint256 j = i;
            while (j > 0 && values[j - 1] > v) {
                values[j] = values[j - 1];
                --j;
            }
            values[j] = v;
        }
        uint256 mid = n / 2;
        if (n % 2 == 1) return values[mid];
        // a / 2 + b / 2 + carry never overflows, unlike (a + b) / 2.
        uint256 a = values[mid - 1];
        uint256 b = values[mid];
        return a / 2 + b / 2 + (a % 2 + b % 2) / 2;
    }

    /// @notice True when `candidate` moved from `previous` by more than `maxDeviation` (WAD) of `previous`.
    /// @dev Exact: |candidate - previous| x 1e18 > maxDeviation x previous, no rounding either way. Callers
    ///      keep both prices below 1e36 and maxDeviation at most 1e19, so neither product overflows.
    function exceedsDeviation(uint256 candidate, uint256 previous, uint256 maxDeviation) internal pure returns (bool) {
        uint256 move = candidate > previous ? candidate - previous : previous - candidate;
        return move * 1e18 > maxDeviation * previous;
    }
}
