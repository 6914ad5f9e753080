// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {BlackScholesLib} from "../../src/options/BlackScholesLib.sol";
import {NormalDistributionLib} from "../../src/options/NormalDistributionLib.sol";
import {BaseTest} from "../utils/BaseTest.sol";
import {BlackScholesReference} from "./BlackScholesReference.sol";

/// @notice On-chain Black-Scholes against a double-precision reference (BlackScholesReference.sol, made by
///         reference/black_scholes_reference.mjs with a high-accuracy erfc, a different algorithm).
///         Tolerances (the stated bound, docs/options.md):
///           price: |on-chain - reference| <= 7.5e-8 x (S + K) + 2e-9 (A&S 26.2.17 bound on N(d1) and N(d2),
///                  plus the reference's 1e-9 rounding)
///           delta: |on-chain - reference| <= 7.5e-8 + 1e-15
///         Measured worst case on the 135-point grid: price 7.04e-8 x (S + K), delta 7.34e-8.
contract BlackScholesTest is BaseTest {
    uint256 internal constant WAD = 1e18;
    uint256 internal constant CDF_BOUND = 75e9; // 7.5e-8

    function _tau(uint256 days_) internal pure returns (uint256) {
        return (days_ * 1 days * WAD + 365 days - 1) / 365 days;
    }

    function _priceTol(uint256 spot, uint256 strike) internal pure returns (uint256) {
        return (spot + strike) * CDF_BOUND / WAD + 2e9;
    }

    function _absDiff(uint256 a, uint256 b) internal pure returns (uint256) {
        return a > b ? a - b : b - a;
    }

    function test_priceAndDelta_matchReferenceWithinStatedTolerance() public pure {
        BlackScholesReference.Row[] memory rows = BlackScholesReference.rows();
        for (uint256 i; i < rows.length; ++i) {
            BlackScholesReference.Row memory r = rows[i];
            uint256 tau = _tau(r.tauDays);
            (uint256 call, int256 callDelta) = BlackScholesLib.priceAndDelta(r.spot, r.strike, r.sigma, tau, true);
            (uint256 put, int256 putDelta) = BlackScholesLib.priceAndDelta(r.spot, r.strike, r.sigma, tau, false);
            uint256 tol = _priceTol(r.spot, r.strike);
            assertApproxEqAbs(call, r.call, tol, "BS: call price within 7.5e-8 x (S + K) of the reference");
            assertApproxEqAbs(put, r.put, tol, "BS: put price within 7.5e-8 x (S + K) of the reference");
            assertApproxEqAbs(uint256(callDelta), r.delta, CDF_BOUND + 1e3, "BS: call delta within 7.5e-8");
            assertApproxEqAbs(uint256(putDelta + int256(WAD)), r.delta, CDF_BOUND + 1e3, "BS: put delta + 1 within 7.5e-8");
        }
    }

    /// @dev Pins the accuracy actually achieved, so a regression in the math shows even inside the bound.
    function test_priceAndDelta_matchReferenceTighterThanStated() public pure {
        BlackScholesReference.Row[] memory rows = BlackScholesReference.rows();
        uint256 worstPriceRel; // error / (S + K), WAD
        uint256 worstDelta;
        for (uint256 i; i < rows.length; ++i) {
            BlackScholesReference.Row memory r = rows[i];
            uint256 tau = _tau(r.tauDays);
            (uint256 call, int256 delta) = BlackScholesLib.priceAndDelta(r.spot, r.strike, r.sigma, tau, true);
            uint256 put = BlackScholesLib.price(r.spot, r.strike, r.sigma, tau, false);
            uint256 e = _absDiff(call, r.call);
            if (_absDiff(put, r.put) > e) e = _absDiff(put, r.put);
            uint256 rel = e * WAD / (r.spot + r.strike);
            if (rel > worstPriceRel) worstPriceRel = rel;
            uint256 d = _absDiff(uint256(delta), r.delta);
            if (d > worstDelta) worstDelta = d;
        }
        assertLe(worstPriceRel, MEASURED_PRICE_REL, "BS: worst price error / (S + K) on the grid");
        assertLe(worstDelta, MEASURED_DELTA, "BS: worst delta error on the grid");
    }

    /// @dev Measured: 7.04e-8 x (S + K) and 7.34e-8 (both the A&S error itself; fixed point adds < 1e-15).
    uint256 internal constant MEASURED_PRICE_REL = 71e9;
    uint256 internal constant MEASURED_DELTA = 74e9;

    function test_cdf_knownValues() public pure {
        assertApproxEqAbs(NormalDistributionLib.cdf(0), 0.5e18, CDF_BOUND, "N(0) = 1/2");
        assertApproxEqAbs(NormalDistributionLib.cdf(1e18), 841344746068542948, CDF_BOUND, "N(1)");
        assertApproxEqAbs(NormalDistributionLib.cdf(-1.96e18), 24997895148220436, CDF_BOUND, "N(-1.96)");
        assertApproxEqAbs(NormalDistributionLib.cdf(3e18), 998650101968369897, CDF_BOUND, "N(3)");
        assertEq(NormalDistributionLib.cdf(10e18), WAD, "N(10) = 1");
        assertEq(NormalDistributionLib.cdf(-10e18), 0, "N(-10) = 0");
    }

    function testFuzz_cdf_symmetricAndMonotone(int256 x, int256 y) public pure {
        x = int256(bound(uint256(x), 0, 20e18)) - 10e18;
        y = int256(bound(uint256(y), 0, 20e18)) - 10e18;
        uint256 nx = NormalDistributionLib.cdf(x);
        assertApproxEqAbs(nx + NormalDistributionLib.cdf(-x), WAD, 1, "N(x) + N(-x) = 1");
        if (x < y) assertLe(nx, NormalDistributionLib.cdf(y) + 2 * CDF_BOUND, "N monotone within 2 x 7.5e-8");
    }

    function test_price_zeroTimeOrVolIsIntrinsic() public pure {
        (uint256 p, int256 d) = BlackScholesLib.priceAndDelta(2500e18, 2000e18, 0.8e18, 0, true);
        assertEq(p, 500e18, "expired call = S - K");
        assertEq(d, int256(WAD), "expired ITM call delta = 1");
        (p, d) = BlackScholesLib.priceAndDelta(2500e18, 2000e18, 0, 1e18, false);
        assertEq(p, 0, "zero-vol OTM put = 0");
        assertEq(d, 0, "zero-vol OTM put delta = 0");
    }

    /// Put-call parity at r = 0: C - P = S - K within twice the price tolerance.
    function testFuzz_putCallParity(uint256 spot, uint256 strike, uint256 sigma, uint256 tau) public pure {
        spot = bound(spot, 100e18, 10_000e18);
        strike = bound(strike, 100e18, 10_000e18);
        sigma = bound(sigma, 0.05e18, 3e18);
        tau = bound(tau, 1e15, 2e18);
        uint256 c = BlackScholesLib.price(spot, strike, sigma, tau, true);
        uint256 p = BlackScholesLib.price(spot, strike, sigma, tau, false);
        assertApproxEqAbs(c + strike, p + spot, 2 * _priceTol(spot, strike), "BS: C - P = S - K (parity)");
    }

    /// Calls fall and puts rise with the strike; both rise with volatility (within the CDF tolerance).
    function testFuzz_priceMonotoneInStrikeAndVolatility(
        uint256 spot,
        uint256 k1,
        uint256 k2,
        uint256 v1,
        uint256 v2,
        uint256 tau
    ) public pure {
        spot = bound(spot, 100e18, 10_000e18);
        k1 = bound(k1, 100e18, 10_000e18);
        k2 = bound(k2, k1, 10_000e18);
        v1 = bound(v1, 0.05e18, 3e18);
        v2 = bound(v2, v1, 3e18);
        tau = bound(tau, 1e15, 2e18);
        uint256 tol = 2 * _priceTol(spot, k2);
        assertLe(BlackScholesLib.price(spot, k2, v1, tau, true), BlackScholesLib.price(spot, k1, v1, tau, true) + tol, "call falls in K");
        assertLe(BlackScholesLib.price(spot, k1, v1, tau, false), BlackScholesLib.price(spot, k2, v1, tau, false) + tol, "put rises in K");
        assertLe(BlackScholesLib.price(spot, k1, v1, tau, true), BlackScholesLib.price(spot, k1, v2, tau, true) + tol, "call rises in vol");
        assertLe(BlackScholesLib.price(spot, k1, v1, tau, false), BlackScholesLib.price(spot, k1, v2, tau, false) + tol, "put rises in vol");
    }

    /// Prices stay within the no-arbitrage bounds [intrinsic, S] (call) and [intrinsic, K] (put).
    function testFuzz_priceWithinNoArbitrageBounds(uint256 spot, uint256 strike, uint256 sigma, uint256 tau) public pure {
        spot = bound(spot, 1e18, 1e24);
        strike = bound(strike, 1e18, 1e24);
        sigma = bound(sigma, 0, 10e18);
        tau = bound(tau, 0, 5e18);
        uint256 c = BlackScholesLib.price(spot, strike, sigma, tau, true);
        uint256 p = BlackScholesLib.price(spot, strike, sigma, tau, false);
        assertGe(c, BlackScholesLib.intrinsicValue(spot, strike, true), "call >= intrinsic");
        assertLe(c, spot, "call <= S");
        assertGe(p, BlackScholesLib.intrinsicValue(spot, strike, false), "put >= intrinsic");
        assertLe(p, strike, "put <= K");
    }
}
