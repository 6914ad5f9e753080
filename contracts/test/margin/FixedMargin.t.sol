// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Errors} from "../../src/libraries/Errors.sol";
import {FixedMargin} from "../../src/margin/FixedMargin.sol";
import {MarginParams} from "../../src/margin/IMarginModel.sol";
import {BaseTest} from "../utils/BaseTest.sol";

contract FixedMarginTest is BaseTest {
    function test_params_returnsConstantsForAnyPosition() public {
        FixedMargin m = new FixedMargin(0.75e18, 0.8e18, 0.5e18, 0.05e18);
        MarginParams memory p = m.params(address(1), 1e30);
        assertEq(p.initialLtv, 0.75e18, "ltv");
        assertEq(p.liquidationThreshold, 0.8e18, "threshold");
        assertEq(p.closeFactor, 0.5e18, "close factor");
        assertEq(p.liquidationBonus, 0.05e18, "bonus");
    }

    function test_constructor_revertsWhenLtvAboveThreshold() public {
        vm.expectRevert(abi.encodeWithSelector(Errors.LtvAboveLiquidationThreshold.selector, 0.9e18, 0.8e18));
        new FixedMargin(0.9e18, 0.8e18, 0.5e18, 0.05e18);
    }

    function test_constructor_revertsOnThresholdAboveOne() public {
        vm.expectRevert(abi.encodeWithSelector(Errors.MarginThresholdInvalid.selector, 1e18 + 1));
        new FixedMargin(0.5e18, 1e18 + 1, 0.5e18, 0);
    }

    function test_constructor_revertsOnCloseFactorZero() public {
        vm.expectRevert(abi.encodeWithSelector(Errors.CloseFactorOutOfRange.selector, 0));
        new FixedMargin(0.75e18, 0.8e18, 0, 0.05e18);
    }

    function test_constructor_revertsWhenBonusMakesLiquidationUseless() public {
        vm.expectRevert(abi.encodeWithSelector(Errors.BonusTooLargeForThreshold.selector, 0.25e18, 0.8e18));
        new FixedMargin(0.75e18, 0.8e18, 0.5e18, 0.25e18);
    }
}
