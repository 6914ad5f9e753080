// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {WAD, MathLib} from "../../libraries/MathLib.sol";

/// @notice Kinked utilization rate model, yearly WAD rates.
/// @dev rate(u) = base + slope1 x u / kink                          for u <= kink
///      rate(u) = base + slope1 + slope2 x (u - kink) / (1 - kink)  above the kink
///      ABI: a static tuple, encoded like its four uint256 fields listed flat.
struct RateParams {
    uint256 baseRatePerYear;
    uint256 slope1PerYear;
    uint256 slope2PerYear;
    uint256 kink;
}

/// @title RateLib
/// @notice Utilization and the per-second borrow rate of the kinked model.
library RateLib {
    using MathLib for uint256;

    uint256 internal constant SECONDS_PER_YEAR = 365 days;

    /// @dev borrowed / supplied, WAD, rounded down; 0 when nothing is supplied.
    function utilization(uint256 borrowed, uint256 supplied) internal pure returns (uint256) {
        return supplied == 0 ? 0 : MathLib.min(borrowed.wDivDown(supplied), WAD);
    }

    /// @dev Per-second borrow rate (WAD) at utilization `u`; kink is in (0, 1) by construction.
    function borrowRatePerSecond(RateParams memory p, uint256 u) internal pure returns (uint256) {
        uint256 yearly = u <= p.kink
            ? p.baseRatePerYear + p.slope1PerYear.mulDivDown(u, p.kink)
            : p.baseRatePerYear + p.slope1PerYear + p.slope2PerYear.mulDivDown(u - p.kink, WAD - p.kink);
        return yearly / SECONDS_PER_YEAR;
    }
}
