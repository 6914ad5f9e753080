// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Errors} from "../libraries/Errors.sol";
import {WAD, MathLib} from "../libraries/MathLib.sol";
import {MarginParams} from "./IMarginModel.sol";

/// @title MarginParamsLib
/// @notice The validity rules every margin model promises (see IMarginModel).
library MarginParamsLib {
    using MathLib for uint256;

    /// @dev Reverts with a named error unless ltv <= threshold <= 1, 0 < closeFactor <= 1 and
    ///      threshold x (1 + bonus) < 1.
    function validate(MarginParams memory p) internal pure {
        if (p.liquidationThreshold == 0 || p.liquidationThreshold > WAD) {
            revert Errors.MarginThresholdInvalid(p.liquidationThreshold);
        }
        if (p.initialLtv > p.liquidationThreshold) {
            revert Errors.LtvAboveLiquidationThreshold(p.initialLtv, p.liquidationThreshold);
        }
        if (p.closeFactor == 0 || p.closeFactor > WAD) revert Errors.CloseFactorOutOfRange(p.closeFactor);
        if (p.liquidationThreshold.wMulUp(WAD + p.liquidationBonus) >= WAD) {
            revert Errors.BonusTooLargeForThreshold(p.liquidationBonus, p.liquidationThreshold);
        }
    }
}
