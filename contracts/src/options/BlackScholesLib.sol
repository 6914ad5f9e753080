// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {ln, sd, sqrt} from "@prb/math/src/SD59x18.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {NormalDistributionLib} from "./NormalDistributionLib.sol";

/// @title BlackScholesLib
/// @notice Black-Scholes price and delta of a European option, zero interest rate, WAD fixed point.
/// @dev d1 = (ln(S/K) + sigma^2 tau / 2) / (sigma sqrt(tau)), d2 = d1 - sigma sqrt(tau)
///      call = S N(d1) - K N(d2), put = K N(-d2) - S N(-d1); delta = N(d1) (call), N(d1) - 1 (put).
///      The rate is zero because the loan asset earns nothing inside the testbed. The result is clamped
///      to the no-arbitrage bounds [intrinsic, S] (call) and [intrinsic, K] (put), which hold exactly at
///      r = 0, so the CDF approximation error can never price an option below its intrinsic value.
///      Price error: |err| <= 7.5e-8 x (S + K) plus fixed-point rounding; delta error < 7.5e-8 + 1e-16.
///      Inputs: spot and strike WAD in (0, 1e36], sigma annualized WAD (<= 100e18), tau years WAD (<= 100e18).
library BlackScholesLib {
    uint256 internal constant WAD = 1e18;

    /// @notice Price (WAD, quote per unit of underlying) and delta (signed WAD) of one option.
    function priceAndDelta(uint256 spot, uint256 strike, uint256 sigma, uint256 tau, bool isCall)
        internal
        pure
        returns (uint256 value, int256 delta)
    {
        uint256 intrinsic = isCall ? _posSub(spot, strike) : _posSub(strike, spot);
        uint256 volSqrtT = tau == 0 ? 0 : Math.mulDiv(sigma, uint256(sqrt(sd(int256(tau))).unwrap()), WAD);
        if (volSqrtT == 0) {
            if (isCall) return (intrinsic, spot > strike ? int256(WAD) : int256(0));
            return (intrinsic, spot < strike ? -int256(WAD) : int256(0));
        }
        (uint256 nd1, uint256 nd2) = _cdfD1D2(spot, strike, volSqrtT);
        if (isCall) {
            value = _posSub(Math.mulDiv(spot, nd1, WAD, Math.Rounding.Ceil), Math.mulDiv(strike, nd2, WAD));
            value = _clamp(value, intrinsic, spot);
            delta = int256(nd1);
        } else {
            value = _posSub(Math.mulDiv(strike, WAD - nd2, WAD, Math.Rounding.Ceil), Math.mulDiv(spot, WAD - nd1, WAD));
            value = _clamp(value, intrinsic, strike);
            delta = int256(nd1) - int256(WAD);
        }
    }

    /// @dev (N(d1), N(d2)); a separate frame keeps the caller within the stack limit.
    function _cdfD1D2(uint256 spot, uint256 strike, uint256 volSqrtT) private pure returns (uint256, uint256) {
        int256 lnMoneyness = ln(sd(int256(spot))).unwrap() - ln(sd(int256(strike))).unwrap();
        int256 halfVar = int256(Math.mulDiv(volSqrtT, volSqrtT, 2 * WAD));
        int256 d1 = ((lnMoneyness + halfVar) * int256(WAD)) / int256(volSqrtT);
        int256 d2 = d1 - int256(volSqrtT);
        return (NormalDistributionLib.cdf(d1), NormalDistributionLib.cdf(d2));
    }

    /// @notice Price only; see priceAndDelta.
    function price(uint256 spot, uint256 strike, uint256 sigma, uint256 tau, bool isCall)
        internal
        pure
        returns (uint256 p)
    {
        (p,) = priceAndDelta(spot, strike, sigma, tau, isCall);
    }

    /// @notice Value at expiry: max(S - K, 0) for a call, max(K - S, 0) for a put.
    function intrinsicValue(uint256 spot, uint256 strike, bool isCall) internal pure returns (uint256) {
        return isCall ? _posSub(spot, strike) : _posSub(strike, spot);
    }

    function _posSub(uint256 x, uint256 y) private pure returns (uint256) {
        return x > y ? x - y : 0;
    }

    function _clamp(uint256 x, uint256 lo, uint256 hi) private pure returns (uint256) {
        return x < lo ? lo : (x > hi ? hi : x);
    }
}
