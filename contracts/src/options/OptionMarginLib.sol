// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {OptionErrors} from "./OptionErrors.sol";
import {OptionMarginInput} from "./IOptionMarginModel.sol";
import {WAD, MathLib} from "../libraries/MathLib.sol";

/// @title OptionMarginLib
/// @notice Pieces both option margin models share: the full-cover cap, the initial factor, range checks.
library OptionMarginLib {
    using MathLib for uint256;

    /// @notice Per-option value that fully secures the short: the spot for a covered call (one unit of
    ///         underlying per option), the strike for a put (cash-secured). Uncapped for a cash-backed call.
    function fullCover(OptionMarginInput calldata p) internal pure returns (uint256) {
        if (p.isCall) return p.underlyingCollateral ? p.spot : type(uint256).max;
        return p.strike;
    }

    /// @notice Scales a per-option maintenance requirement to the position and derives the initial one.
    /// @dev Both capped at full cover: a fully secured short can never become insolvent.
    function finish(OptionMarginInput calldata p, uint256 perOption, uint256 initialFactor)
        internal
        pure
        returns (uint256 initialMargin, uint256 maintenanceMargin)
    {
        uint256 cap = fullCover(p);
        uint256 maintPer = perOption.min(cap);
        uint256 initPer = maintPer.wMulUp(initialFactor).min(cap);
        maintenanceMargin = p.amount.wMulUp(maintPer);
        initialMargin = p.amount.wMulUp(initPer);
    }

    function checkRange(uint256 value, uint256 min, uint256 max) internal pure {
        if (value < min || value > max) revert OptionErrors.ParameterOutOfRange(value, min, max);
    }

    function checkInitialFactor(uint256 initialFactor) internal pure {
        checkRange(initialFactor, WAD, 10 * WAD);
    }
}
