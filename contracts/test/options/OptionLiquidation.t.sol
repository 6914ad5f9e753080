// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Errors} from "../../src/libraries/Errors.sol";
import {IOptionMarginModel} from "../../src/options/IOptionMarginModel.sol";
import {IOptionVault, PositionHealth} from "../../src/options/IOptionVault.sol";
import {OptionErrors} from "../../src/options/OptionErrors.sol";
import {RiskBasedOptionMargin, RiskBasedOptionMarginConfig} from "../../src/options/RiskBasedOptionMargin.sol";
import {OptionTestBase} from "./OptionTestBase.sol";

/// @notice Liquidation of short positions: triggers, sizing, insolvency, staleness, and the lens page.
contract OptionLiquidationTest is OptionTestBase {
    uint256 internal constant SIZE = 10 * WAD;

    function setUp() public override {
        super.setUp();
        // Alice writes 10 puts at 1800 with 5% above the initial margin; the liquidator holds the longs.
        _write(ALICE, putId, SIZE, _initialCollateral(putId, SIZE, 500));
        vm.prank(ALICE);
        vault.transferLong(putId, LIQUIDATOR, SIZE);
    }

    function _liquidate(uint256 amount) internal returns (uint256 seized, uint256 shortfall) {
        vm.prank(LIQUIDATOR);
        return vault.liquidate(ALICE, putId, amount);
    }

    function test_liquidate_aboveMaintenance_reverts() public {
        PositionHealth memory h = vault.positionHealth(ALICE, putId);
        assertTrue(!h.liquidatable, "healthy at setup");
        vm.prank(LIQUIDATOR);
        vm.expectRevert(
            abi.encodeWithSelector(OptionErrors.PositionNotLiquidatable.selector, h.collateralValue, h.maintenanceMargin)
        );
        vault.liquidate(ALICE, putId, WAD);
    }

    function test_liquidate_minAmountRestoresMaintenance() public {
        _setPrice(1750e8);
        PositionHealth memory h = vault.positionHealth(ALICE, putId);
        assertTrue(h.liquidatable, "price drop breaches maintenance");
        assertTrue(h.minLiquidationAmount < SIZE, "a partial close suffices");
        (uint256 mark,) = vault.markOf(putId);
        uint256 expectedSeized = (h.minLiquidationAmount * mark / WAD) * 1.1e18 / WAD / 1e12;
        vm.expectEmit(true, true, true, false, address(vault));
        emit IOptionVault.OptionLiquidated(ALICE, LIQUIDATOR, putId, h.minLiquidationAmount, 0, 0);
        (uint256 seized, uint256 shortfall) = _liquidate(h.minLiquidationAmount);
        assertApproxEqAbs(seized, expectedSeized, 1, "seized = amount x mark x (1 + 10%) in USDC, rounded down");
        assertEq(shortfall, 0, "solvent: no shortfall");
        assertEq(usdc.balanceOf(LIQUIDATOR), 10_000_000 * USDC + seized, "liquidator paid in collateral");
        PositionHealth memory a = vault.positionHealth(ALICE, putId);
        assertGe(a.collateralValue, a.maintenanceMargin, "OPT_INV_B: restored to maintenance");
        assertEq(vault.longOf(putId, LIQUIDATOR), SIZE - h.minLiquidationAmount, "longs burned");
    }

    function test_liquidate_tooSmall_reverts() public {
        _setPrice(1700e8);
        _assertRevertsWith(
            LIQUIDATOR,
            address(vault),
            abi.encodeCall(vault.liquidate, (ALICE, putId, WAD / 100)),
            OptionErrors.LiquidationLeavesPositionBelowMaintenance.selector,
            "a sliver cannot restore maintenance"
        );
    }

    function test_liquidate_insolvent_closesAllAndRecordsShortfall() public {
        _setPrice(1000e8);
        PositionHealth memory h = vault.positionHealth(ALICE, putId);
        assertEq(h.minLiquidationAmount, SIZE, "insolvent: whole short");
        vm.prank(LIQUIDATOR);
        vm.expectRevert(abi.encodeWithSelector(OptionErrors.InsolventPositionMustBeClosed.selector, SIZE, WAD));
        vault.liquidate(ALICE, putId, WAD);
        (uint256 seized, uint256 shortfall) = _liquidate(SIZE);
        assertEq(seized, h.collateral, "all collateral seized");
        (uint256 mark,) = vault.markOf(putId);
        uint256 markDue = SIZE * mark / WAD / 1e12;
        assertApproxEqAbs(shortfall, markDue - h.collateral, 1, "shortfall = mark x short - collateral, no penalty");
        assertEq(vault.getSeries(putId).badDebt, shortfall, "OPT_INV_A: shortfall recorded as bad debt");
        assertEq(vault.getPosition(ALICE, putId).shortAmount, 0, "position closed");
    }

    function test_liquidate_collateralCoversMarkNotPenalty_recordsNoShortfall() public {
        uint256 collateral = vault.getPosition(ALICE, putId).collateral;
        uint256 price8 = 1800e8;
        uint256 markDue;
        do {
            price8 -= 5e8;
            _setPrice(price8);
            (uint256 markNow,) = vault.markOf(putId);
            markDue = SIZE * markNow / WAD / 1e12;
        } while (markDue * 11 / 10 <= collateral);
        assertLe(markDue, collateral, "collateral covers the mark, not mark x (1 + penalty)");
        (uint256 mark,) = vault.markOf(putId);
        uint256 unpaid = (SIZE * mark / WAD) * 1.1e18 / WAD / 1e12 - collateral;
        vm.expectEmit(true, true, false, true, address(vault));
        emit IOptionVault.LiquidationPenaltyUnpaid(ALICE, putId, unpaid);
        (uint256 seized, uint256 shortfall) = _liquidate(SIZE);
        assertEq(seized, collateral, "all collateral seized");
        assertEq(shortfall, 0, "the unpaid penalty is no loss to the vault");
        assertEq(vault.getSeries(putId).badDebt, 0, "no bad debt booked");
    }

    function test_liquidate_staleOracle_reverts() public {
        _setPrice(1500e8);
        vm.warp(block.timestamp + 1 hours + 1);
        vm.prank(LIQUIDATOR);
        vm.expectRevert(abi.encodeWithSelector(Errors.OracleAnswerStale.selector, T0, 1 hours));
        vault.liquidate(ALICE, putId, SIZE);
        assertTrue(!vault.positionHealth(ALICE, putId).liquidatable, "lens: not liquidatable on a stale answer");
    }

    function test_liquidate_self_reverts() public {
        _setPrice(1500e8);
        vm.prank(ALICE);
        vm.expectRevert(Errors.SelfLiquidation.selector);
        vault.liquidate(ALICE, putId, SIZE);
    }

    function test_liquidate_withoutLongs_reverts() public {
        _setPrice(1500e8);
        PositionHealth memory h = vault.positionHealth(ALICE, putId);
        vm.prank(BOB);
        vm.expectRevert(abi.encodeWithSelector(OptionErrors.AmountExceedsLong.selector, 0, h.minLiquidationAmount));
        vault.liquidate(ALICE, putId, h.minLiquidationAmount);
    }

    function test_impliedVolatilitySpike_makesPositionLiquidatable() public {
        assertTrue(!vault.positionHealth(ALICE, putId).liquidatable, "healthy at 80%");
        volOracle.setImpliedVolatility(2e18);
        PositionHealth memory h = vault.positionHealth(ALICE, putId);
        assertTrue(h.liquidatable, "higher implied volatility raises the mark and with it the margin");
    }

    function test_lens_pageShowsLiquidatablePositions() public {
        _write(BOB, callId, WAD, 5000 * USDC);
        _setPrice(1700e8);
        (PositionHealth[] memory page, uint256 spotPrice, bool fresh, uint256 total) = lens.positionsPage(0, 10);
        assertEq(total, 3, "the setup's closed probe, Alice, Bob");
        assertEq(page.length, 3, "page cut to total");
        assertEq(page[0].shortAmount, 0, "the closed probe position stays listed, empty");
        assertEq(spotPrice, 1700e18, "spot in WAD");
        assertTrue(fresh, "fresh answer");
        assertTrue(page[1].liquidatable && page[1].writer == ALICE, "Alice's put is liquidatable");
        assertTrue(!page[2].liquidatable && page[2].seriesId == callId, "Bob's call is not");
        (page,,,) = lens.positionsPage(3, 10);
        assertEq(page.length, 0, "past the end: empty");
    }

    /// Liquidation never leaves a position below maintenance unless it is closed; it never succeeds above it.
    function testFuzz_liquidation_neverLeavesPositionBelowMaintenance(uint256 price, uint256 amount, uint256 vol)
        public
    {
        _setPrice(bound(price, 500e8, 2100e8));
        volOracle.setImpliedVolatility(bound(vol, 0, 3e18));
        amount = bound(amount, 1, SIZE);
        PositionHealth memory before = vault.positionHealth(ALICE, putId);
        vm.prank(LIQUIDATOR);
        try vault.liquidate(ALICE, putId, amount) {
            assertTrue(before.liquidatable, "OPT_INV_B: no liquidation above maintenance");
            PositionHealth memory a = vault.positionHealth(ALICE, putId);
            if (a.shortAmount != 0) {
                assertGe(a.collateralValue, a.maintenanceMargin, "liquidation leaves >= maintenance or closes");
            }
        } catch {}
        if (before.liquidatable) {
            uint256 minAmount = vault.positionHealth(ALICE, putId).minLiquidationAmount;
            if (minAmount != 0) {
                vm.prank(LIQUIDATOR);
                vault.liquidate(ALICE, putId, minAmount);
                PositionHealth memory a = vault.positionHealth(ALICE, putId);
                assertTrue(
                    a.shortAmount == 0 || a.collateralValue >= a.maintenanceMargin, "minLiquidationAmount restores margin"
                );
            }
        }
    }
}

/// @notice The same liquidation suite with the risk-based margin model behind the vault.
contract OptionLiquidationRiskBasedTest is OptionLiquidationTest {
    function _marginModel() internal override returns (IOptionMarginModel) {
        return new RiskBasedOptionMargin(
            RiskBasedOptionMarginConfig({
                sigmaMultiple: 3e18,
                horizon: 1 days,
                minMove: 0.05e18,
                maxMove: 0.9e18,
                volShockUp: 1.5e18,
                gridPoints: 7,
                floorPct: 0.01e18,
                initialFactor: 1.2e18
            })
        );
    }
}
