// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {BlackScholesLib} from "./BlackScholesLib.sol";
import {IOptionMarginModel, OptionMarginInput} from "./IOptionMarginModel.sol";
import {OptionMarginLib} from "./OptionMarginLib.sol";
import {WAD, MathLib} from "../libraries/MathLib.sol";

/// @title FixedOptionMargin
/// @notice The classic exchange rule for short options (CBOE-style), per option:
///         call: mark + max(underlyingPct x S - OTM, floorPct x S), OTM = max(K - S, 0)
///         put:  mark + max(underlyingPct x S - OTM, floorPct x K), OTM = max(S - K, 0)
///         capped at full cover (S for a covered call, K for a put); initial = maintenance x initialFactor
///         (same cap). `mark` is the Black-Scholes value at the current volatility, so a volatility spike
///         still moves this "fixed" design through the premium term, but not through the percentages.
contract FixedOptionMargin is IOptionMarginModel {
    using MathLib for uint256;

    uint256 public immutable underlyingPct;
    uint256 public immutable floorPct;
    uint256 public immutable initialFactor;

    /// @param underlyingPct_ Share of the underlying's value (e.g. 0.2e18), in (0, 1].
    /// @param floorPct_ Minimum share (e.g. 0.1e18), in [0, underlyingPct_].
    /// @param initialFactor_ initial / maintenance, in [1, 10] (WAD).
    constructor(uint256 underlyingPct_, uint256 floorPct_, uint256 initialFactor_) {
        OptionMarginLib.checkRange(underlyingPct_, 1, WAD);
        OptionMarginLib.checkRange(floorPct_, 0, underlyingPct_);
        OptionMarginLib.checkInitialFactor(initialFactor_);
        underlyingPct = underlyingPct_;
        floorPct = floorPct_;
        initialFactor = initialFactor_;
    }

    /// @inheritdoc IOptionMarginModel
    function marginRequirement(OptionMarginInput calldata p)
        external
        view
        returns (uint256 initialMargin, uint256 maintenanceMargin)
    {
        uint256 mark = BlackScholesLib.price(p.spot, p.strike, p.volatility, p.timeToExpiry, p.isCall);
        uint256 otm = p.isCall ? p.strike.zeroFloorSub(p.spot) : p.spot.zeroFloorSub(p.strike);
        uint256 base = p.spot.wMulUp(underlyingPct).zeroFloorSub(otm);
        uint256 floor = (p.isCall ? p.spot : p.strike).wMulUp(floorPct);
        return OptionMarginLib.finish(p, mark + base.max(floor), initialFactor);
    }
}
