// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {sd, sqrt} from "@prb/math/src/SD59x18.sol";
import {BlackScholesLib} from "./BlackScholesLib.sol";
import {IOptionMarginModel, OptionMarginInput} from "./IOptionMarginModel.sol";
import {OptionErrors} from "./OptionErrors.sol";
import {OptionMarginLib} from "./OptionMarginLib.sol";
import {WAD, MathLib} from "../libraries/MathLib.sol";

/// @notice Constructor configuration of RiskBasedOptionMargin; ratios WAD.
/// @dev ABI: a static tuple, encoded like its fields listed flat in this order.
struct RiskBasedOptionMarginConfig {
    uint256 sigmaMultiple; // price range = sigmaMultiple x sigma x sqrt(horizon), e.g. 3e18
    uint256 horizon; // seconds the vault needs to liquidate (e.g. 1 days)
    uint256 minMove; // floor of the price range, e.g. 0.05e18
    uint256 maxMove; // ceiling of the price range, < 1e18
    uint256 volShockUp; // volatility multiplier of the stressed scenarios, >= 1e18 (e.g. 1.5e18)
    uint256 gridPoints; // price scenarios evenly spread over [-range, +range], odd, in [3, 21]
    uint256 floorPct; // per-option floor: intrinsic + floorPct x (S for calls, K for puts)
    uint256 initialFactor; // initial / maintenance, in [1, 10]
}

/// @title RiskBasedOptionMargin
/// @notice Scenario margin (SPAN-like). Per option, with sigma the current volatility:
///         range = clamp(sigmaMultiple x sigma x sqrt(horizon / year), minMove, maxMove)
///         S_i = S x (1 + range x (2i / (n - 1) - 1)), i = 0..n-1
///         V_i = BlackScholes(S_i, K, sigma x volShockUp, tau)
///         worst = max_i V_i (loan collateral) or max_i V_i x S / S_i (underlying collateral: the
///                 collateral moves with the price, so what must hold in every scenario is
///                 collateral units >= V_i / S_i)
///         maintenance = max(worst, intrinsic + floorPct x (S or K)), capped at full cover;
///         initial = maintenance x initialFactor (same cap).
/// @dev worst = mark + worst loss over the grid, since the zero shock is a grid point. Only the
///      upward volatility shock is evaluated: a long option's vega is >= 0, so for a short position
///      the unchanged and downward volatility scenarios never lose more. A crash raises sigma, which
///      widens the range and raises the stressed volatility: margin rises twice.
contract RiskBasedOptionMargin is IOptionMarginModel {
    using MathLib for uint256;

    uint256 internal constant YEAR = 365 days;

    uint256 public immutable sigmaMultiple;
    uint256 public immutable horizon;
    uint256 public immutable minMove;
    uint256 public immutable maxMove;
    uint256 public immutable volShockUp;
    uint256 public immutable gridPoints;
    uint256 public immutable floorPct;
    uint256 public immutable initialFactor;
    /// @dev sqrt(horizon / year), WAD, computed once.
    uint256 internal immutable sqrtHorizon;

    /// @dev Reverts with OptionErrors.ParameterOutOfRange on a bad config.
    constructor(RiskBasedOptionMarginConfig memory c) {
        OptionMarginLib.checkRange(c.sigmaMultiple, 0, 20 * WAD);
        OptionMarginLib.checkRange(c.horizon, 1, YEAR);
        OptionMarginLib.checkRange(c.maxMove, 0, 0.99e18);
        OptionMarginLib.checkRange(c.minMove, 0, c.maxMove);
        OptionMarginLib.checkRange(c.volShockUp, WAD, 10 * WAD);
        OptionMarginLib.checkRange(c.gridPoints, 3, 21);
        if (c.gridPoints % 2 == 0) revert OptionErrors.ParameterOutOfRange(c.gridPoints, 3, 21);
        OptionMarginLib.checkRange(c.floorPct, 0, WAD);
        OptionMarginLib.checkInitialFactor(c.initialFactor);
        sigmaMultiple = c.sigmaMultiple;
        horizon = c.horizon;
        minMove = c.minMove;
        maxMove = c.maxMove;
        volShockUp = c.volShockUp;
        gridPoints = c.gridPoints;
        floorPct = c.floorPct;
        initialFactor = c.initialFactor;
        sqrtHorizon = uint256(sqrt(sd(int256(c.horizon * WAD / YEAR))).unwrap());
    }

    /// @notice The relative price range of the grid at volatility `sigma` (WAD).
    function priceRange(uint256 sigma) public view returns (uint256) {
        return sigmaMultiple.wMulUp(sigma).wMulUp(sqrtHorizon).clamp(minMove, maxMove);
    }

    /// @inheritdoc IOptionMarginModel
    function marginRequirement(OptionMarginInput calldata p)
        external
        view
        returns (uint256 initialMargin, uint256 maintenanceMargin)
    {
        uint256 range = priceRange(p.volatility);
        uint256 stressedVol = p.volatility.wMulUp(volShockUp);
        uint256 worst;
        uint256 last = gridPoints - 1;
        for (uint256 i; i <= last; ++i) {
            // shock in [-range, +range]; S_i > 0 because range <= maxMove < 1
            uint256 up = (2 * range * i) / last;
            uint256 spotI = (p.spot.wMulDown(WAD - range + up)).max(1);
            uint256 v = BlackScholesLib.price(spotI, p.strike, stressedVol, p.timeToExpiry, p.isCall);
            if (p.underlyingCollateral) v = v.mulDivUp(p.spot, spotI);
            worst = worst.max(v);
        }
        uint256 intrinsic = BlackScholesLib.intrinsicValue(p.spot, p.strike, p.isCall);
        uint256 floor = intrinsic + (p.isCall ? p.spot : p.strike).wMulUp(floorPct);
        return OptionMarginLib.finish(p, worst.max(floor), initialFactor);
    }
}
