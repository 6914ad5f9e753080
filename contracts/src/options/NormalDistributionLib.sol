// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {exp, sd} from "@prb/math/src/SD59x18.sol";

/// @title NormalDistributionLib
/// @notice Standard normal density and cumulative distribution in signed WAD fixed point.
/// @dev N(x) uses Abramowitz & Stegun 26.2.17: for x >= 0,
///      N(x) = 1 - phi(x) (b1 t + b2 t^2 + b3 t^3 + b4 t^4 + b5 t^5), t = 1 / (1 + p x),
///      with |error| < 7.5e-8; N(-x) = 1 - N(x). Fixed-point rounding adds < 1e-16 on top.
library NormalDistributionLib {
    int256 internal constant WAD = 1e18;
    int256 internal constant P = 231_641_900_000_000_000; // 0.2316419
    int256 internal constant B1 = 319_381_530_000_000_000; // 0.319381530
    int256 internal constant B2 = -356_563_782_000_000_000; // -0.356563782
    int256 internal constant B3 = 1_781_477_937_000_000_000; // 1.781477937
    int256 internal constant B4 = -1_821_255_978_000_000_000; // -1.821255978
    int256 internal constant B5 = 1_330_274_429_000_000_000; // 1.330274429
    int256 internal constant INV_SQRT_2PI = 398_942_280_401_432_678; // 1 / sqrt(2 pi)
    /// @dev Beyond |x| = 9 the tail phi(x) x poly is below 1e-18, i.e. zero in WAD.
    int256 internal constant TAIL_CUTOFF = 9e18;

    /// @notice phi(x) = exp(-x^2 / 2) / sqrt(2 pi), WAD.
    function pdf(int256 x) internal pure returns (int256) {
        if (x > TAIL_CUTOFF || x < -TAIL_CUTOFF) return 0;
        int256 halfSquare = (x * x) / WAD / 2;
        return (INV_SQRT_2PI * sd(-halfSquare).exp().unwrap()) / WAD;
    }

    /// @notice N(x), WAD in [0, 1e18]; absolute error < 7.5e-8 (A&S 26.2.17).
    function cdf(int256 x) internal pure returns (uint256) {
        int256 ax = x < 0 ? -x : x;
        if (ax > TAIL_CUTOFF) return x > 0 ? uint256(WAD) : 0;
        int256 t = (WAD * WAD) / (WAD + (P * ax) / WAD);
        int256 poly = B5;
        poly = B4 + (poly * t) / WAD;
        poly = B3 + (poly * t) / WAD;
        poly = B2 + (poly * t) / WAD;
        poly = B1 + (poly * t) / WAD;
        poly = (poly * t) / WAD;
        int256 tail = (pdf(ax) * poly) / WAD;
        if (tail < 0) tail = 0;
        if (tail > WAD) tail = WAD;
        return x >= 0 ? uint256(WAD - tail) : uint256(tail);
    }
}
