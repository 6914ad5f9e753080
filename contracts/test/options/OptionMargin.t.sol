// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {BlackScholesLib} from "../../src/options/BlackScholesLib.sol";
import {FixedOptionMargin} from "../../src/options/FixedOptionMargin.sol";
import {OptionMarginInput} from "../../src/options/IOptionMarginModel.sol";
import {OptionErrors} from "../../src/options/OptionErrors.sol";
import {RiskBasedOptionMargin, RiskBasedOptionMarginConfig} from "../../src/options/RiskBasedOptionMargin.sol";
import {BaseTest} from "../utils/BaseTest.sol";

/// @notice The fixed (exchange-rule) and risk-based (scenario grid) short-option margin models.
contract OptionMarginTest is BaseTest {
    uint256 internal constant WAD = 1e18;
    uint256 internal constant MONTH = 30 days * WAD / 365 days;

    FixedOptionMargin internal fixedModel;
    RiskBasedOptionMargin internal riskModel;

    function setUp() public {
        fixedModel = new FixedOptionMargin(0.2e18, 0.1e18, 1.2e18);
        riskModel = new RiskBasedOptionMargin(_riskConfig());
    }

    function _riskConfig() internal pure returns (RiskBasedOptionMarginConfig memory) {
        return RiskBasedOptionMarginConfig({
            sigmaMultiple: 3e18,
            horizon: 1 days,
            minMove: 0.05e18,
            maxMove: 0.9e18,
            volShockUp: 1.5e18,
            gridPoints: 7,
            floorPct: 0.01e18,
            initialFactor: 1.2e18
        });
    }

    function _input(bool isCall, bool covered, uint256 strike, uint256 spot, uint256 vol)
        internal
        pure
        returns (OptionMarginInput memory)
    {
        return OptionMarginInput(isCall, covered, strike, spot, MONTH, vol, WAD);
    }

    function test_fixed_putFollowsExchangeRule() public view {
        OptionMarginInput memory p = _input(false, false, 1800e18, 2000e18, 0.8e18);
        (uint256 initialMargin, uint256 maintenance) = fixedModel.marginRequirement(p);
        uint256 mark = BlackScholesLib.price(2000e18, 1800e18, 0.8e18, MONTH, false);
        // max(20% x 2000 - 200 OTM, 10% x 1800) = 200
        assertEq(maintenance, mark + 200e18, "put: mark + max(0.2 S - OTM, 0.1 K)");
        assertEq(initialMargin, (mark + 200e18) * 12 / 10, "initial = 1.2 x maintenance");
    }

    function test_fixed_callFloorAndCaps() public view {
        (, uint256 maintenance) = fixedModel.marginRequirement(_input(true, false, 3000e18, 2000e18, 0.8e18));
        uint256 mark = BlackScholesLib.price(2000e18, 3000e18, 0.8e18, MONTH, true);
        assertEq(maintenance, mark + 200e18, "far OTM call: mark + 10% x S floor");
        (, maintenance) = fixedModel.marginRequirement(_input(true, true, 100e18, 2000e18, 0.8e18));
        assertEq(maintenance, 2000e18, "covered call capped at one underlying (S)");
        (, maintenance) = fixedModel.marginRequirement(_input(false, false, 1800e18, 100e18, 0.8e18));
        assertEq(maintenance, 1800e18, "put capped at the strike (cash-secured)");
    }

    function test_risk_equalsWorstStressedScenario() public view {
        uint256 range = riskModel.priceRange(0.8e18); // 3 x 0.8 x sqrt(1/365) = 0.12562
        assertApproxEqAbs(range, 125_621_741_421_651_300, 1e9, "range = 3 sigma sqrt(horizon)");
        (, uint256 maintenance) = riskModel.marginRequirement(_input(false, false, 1800e18, 2000e18, 0.8e18));
        uint256 lowSpot = 2000e18 * (WAD - range) / WAD;
        uint256 worst = BlackScholesLib.price(lowSpot, 1800e18, 1.2e18, MONTH, false);
        assertApproxEqAbs(maintenance, worst, 1e6, "put: worst case at the lowest price and stressed vol");
    }

    function test_risk_riseWithVolatility() public view {
        (, uint256 calm) = riskModel.marginRequirement(_input(false, false, 1800e18, 2000e18, 0.5e18));
        (, uint256 crash) = riskModel.marginRequirement(_input(false, false, 1800e18, 2000e18, 1.5e18));
        assertGt(crash, calm * 2, "a volatility spike more than doubles the OTM put margin");
    }

    function test_risk_configValidation() public {
        RiskBasedOptionMarginConfig memory c = _riskConfig();
        c.gridPoints = 6;
        vm.expectRevert(abi.encodeWithSelector(OptionErrors.ParameterOutOfRange.selector, 6, 3, 21));
        new RiskBasedOptionMargin(c);
        c = _riskConfig();
        c.maxMove = 1e18;
        vm.expectRevert(abi.encodeWithSelector(OptionErrors.ParameterOutOfRange.selector, 1e18, 0, 0.99e18));
        new RiskBasedOptionMargin(c);
    }

    function test_fixed_configValidation() public {
        vm.expectRevert(abi.encodeWithSelector(OptionErrors.ParameterOutOfRange.selector, 0.5e18, 1e18, 10e18));
        new FixedOptionMargin(0.2e18, 0.1e18, 0.5e18);
    }

    /// Margin >= intrinsic value, and initial >= maintenance, for both models.
    function testFuzz_margin_atLeastIntrinsic(
        uint256 spot,
        uint256 strike,
        uint256 vol,
        uint256 tau,
        uint256 amount,
        uint8 kind
    ) public view {
        spot = bound(spot, 10e18, 100_000e18);
        strike = bound(strike, 10e18, 100_000e18);
        vol = bound(vol, 0, 5e18);
        tau = bound(tau, 0, 2e18);
        amount = bound(amount, 1e12, 1_000e18);
        bool isCall = kind % 3 != 0;
        bool covered = kind % 3 == 2;
        OptionMarginInput memory p = OptionMarginInput(isCall, covered, strike, spot, tau, vol, amount);
        uint256 intrinsic = amount * BlackScholesLib.intrinsicValue(spot, strike, isCall) / WAD;
        (uint256 fi, uint256 fm) = fixedModel.marginRequirement(p);
        (uint256 ri, uint256 rm) = riskModel.marginRequirement(p);
        assertGe(fm, intrinsic, "fixed: maintenance >= intrinsic");
        assertGe(rm, intrinsic, "risk: maintenance >= intrinsic");
        assertGe(fi, fm, "fixed: initial >= maintenance");
        assertGe(ri, rm, "risk: initial >= maintenance");
    }
}
