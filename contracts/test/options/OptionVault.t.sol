// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Errors} from "../../src/libraries/Errors.sol";
import {BlackScholesLib} from "../../src/options/BlackScholesLib.sol";
import {IOptionVault, PositionHealth, Series} from "../../src/options/IOptionVault.sol";
import {OptionErrors} from "../../src/options/OptionErrors.sol";
import {OptionTestBase} from "./OptionTestBase.sol";

/// @notice Series creation, writing, trading, collateral and settlement of the options vault.
contract OptionVaultTest is OptionTestBase {
    // ---------------------------------------------------------------- series

    function test_createSeries_duplicate_reverts() public {
        vm.expectRevert(abi.encodeWithSelector(OptionErrors.SeriesAlreadyExists.selector, putId));
        vault.createSeries(false, false, 1800e18, EXPIRY);
    }

    function test_createSeries_coveredPut_reverts() public {
        vm.expectRevert(OptionErrors.UnderlyingCollateralOnlyForCalls.selector);
        vault.createSeries(false, true, 1800e18, EXPIRY);
    }

    function test_createSeries_permissionlessOutOfBand_reverts() public {
        vm.prank(ALICE);
        vm.expectRevert(abi.encodeWithSelector(OptionErrors.StrikeOutOfBand.selector, 5000e18, 1000e18, 4000e18));
        vault.createSeries(true, false, 5000e18, EXPIRY);
        vm.prank(ALICE);
        vm.expectRevert(
            abi.encodeWithSelector(OptionErrors.ExpiryOutOfRange.selector, T0 + 10, T0 + 1 hours, T0 + 366 days)
        );
        vault.createSeries(true, false, 2000e18, uint64(T0 + 10));
    }

    function test_createSeries_permissionlessWithinBand_emits() public {
        vm.expectEmit(true, true, false, true, address(vault));
        emit IOptionVault.SeriesCreated(3, ALICE, true, false, 2500e18, EXPIRY);
        vm.prank(ALICE);
        assertEq(vault.createSeries(true, false, 2500e18, EXPIRY), 3, "fourth series id");
    }

    function test_createSeries_ownerOutsideBand_succeeds() public {
        assertEq(vault.createSeries(false, false, 100e18, uint64(T0 + 5 minutes)), 3, "owner skips the band");
    }

    function test_createSeries_ownerExpiryBeyondMaxLife_reverts() public {
        uint64 expiry = uint64(T0 + 100 * 365 days + 1);
        vm.expectRevert(
            abi.encodeWithSelector(OptionErrors.ExpiryOutOfRange.selector, expiry, T0 + 1, T0 + 100 * 365 days)
        );
        vault.createSeries(false, false, 1800e18, expiry);
    }

    function test_createSeries_strikeAboveMax_reverts() public {
        vm.expectRevert(abi.encodeWithSelector(OptionErrors.StrikeAboveMax.selector, 1e36 + 1, 1e36));
        vault.createSeries(false, false, 1e36 + 1, EXPIRY);
    }

    function test_spot_answerAboveMax_readsAsZeroInViews() public {
        _write(ALICE, putId, WAD, 1000 * USDC);
        _setPrice(1e26 + 1);
        (uint256 price, bool fresh) = vault.spot();
        assertEq(price, 0, "an unusable answer reads as price 0");
        assertTrue(fresh, "fresh, but unusable");
        assertTrue(!vault.positionHealth(ALICE, putId).liquidatable, "nothing is liquidatable on it");
    }

    // ---------------------------------------------------------------- oracle bounds

    function test_write_oracleAnswerAboveMax_reverts() public {
        _setPrice(1e26 + 1); // 8 decimals: 1e36 + 1e10 WAD, past Black-Scholes' documented spot range
        vm.prank(ALICE);
        vm.expectRevert(abi.encodeWithSelector(Errors.OracleAnswerTooLarge.selector, int256(1e26 + 1)));
        vault.write(callId, WAD, 1000 * USDC);
    }

    function test_liquidate_oracleAnswerNonPositive_reverts() public {
        _write(ALICE, putId, WAD, 1000 * USDC);
        feed.pushAnswer(0);
        vm.prank(LIQUIDATOR);
        vm.expectRevert(abi.encodeWithSelector(Errors.OracleAnswerNonPositive.selector, int256(0)));
        vault.liquidate(ALICE, putId, WAD);
    }

    // ---------------------------------------------------------------- writing

    function test_write_mintsShortAndLong() public {
        vm.expectEmit(true, true, false, true, address(vault));
        emit IOptionVault.OptionWritten(ALICE, putId, 2 * WAD, 1000 * USDC);
        _write(ALICE, putId, 2 * WAD, 1000 * USDC);
        assertEq(vault.getPosition(ALICE, putId).shortAmount, 2 * WAD, "short recorded");
        assertEq(vault.getPosition(ALICE, putId).collateral, 1000 * USDC, "collateral recorded");
        assertEq(vault.longOf(putId, ALICE), 2 * WAD, "writer holds the longs");
        assertEq(vault.getSeries(putId).openInterest, 2 * WAD, "series open interest");
        assertEq(vault.positionCount(), 1, "one position key");
    }

    function test_write_belowInitialMargin_reverts() public {
        _assertRevertsWith(
            ALICE,
            address(vault),
            abi.encodeCall(vault.write, (putId, WAD, 10 * USDC)),
            OptionErrors.CollateralBelowInitialMargin.selector,
            "write below initial margin"
        );
        uint256 need = _initialCollateral(putId, WAD, 0);
        PositionHealth memory h;
        _write(ALICE, putId, WAD, need);
        h = vault.positionHealth(ALICE, putId);
        assertGe(h.collateralValue, h.initialMargin, "exactly the initial margin is accepted");
    }

    function test_write_errorCarriesValues() public {
        _write(BOB, putId, WAD, 10_000 * USDC);
        PositionHealth memory h = vault.positionHealth(BOB, putId);
        vm.prank(ALICE);
        vm.expectRevert(abi.encodeWithSelector(OptionErrors.CollateralBelowInitialMargin.selector, 1e18, h.initialMargin));
        vault.write(putId, WAD, USDC);
    }

    function test_write_staleOracle_reverts() public {
        vm.warp(T0 + 1 hours + 1);
        vm.prank(ALICE);
        vm.expectRevert(abi.encodeWithSelector(Errors.OracleAnswerStale.selector, T0, 1 hours));
        vault.write(putId, WAD, 1000 * USDC);
    }

    function test_write_afterExpiry_reverts() public {
        vm.warp(EXPIRY);
        _setPrice(2000e8);
        vm.prank(ALICE);
        vm.expectRevert(abi.encodeWithSelector(OptionErrors.SeriesExpired.selector, putId, EXPIRY));
        vault.write(putId, WAD, 1000 * USDC);
    }

    function test_coveredCall_oneUnderlyingPerOptionIsEnough() public {
        _write(ALICE, coveredCallId, 3 * WAD, 3 * ETH);
        PositionHealth memory h = vault.positionHealth(ALICE, coveredCallId);
        assertLe(h.initialMargin, 6000e18, "never more than S per option");
        _setPrice(10_000e8);
        h = vault.positionHealth(ALICE, coveredCallId);
        assertLe(h.maintenanceMargin, 30_000e18, "deep in the money: at most full cover, S per option");
        assertTrue(!h.liquidatable, "a fully covered call never becomes liquidatable");
    }

    // ---------------------------------------------------------------- collateral and closing

    function test_withdrawCollateral_keepsInitialMargin() public {
        _write(ALICE, putId, WAD, 1000 * USDC);
        _assertRevertsWith(
            ALICE,
            address(vault),
            abi.encodeCall(vault.withdrawCollateral, (putId, 900 * USDC)),
            OptionErrors.CollateralBelowInitialMargin.selector,
            "withdraw below initial margin"
        );
        vm.expectEmit(true, true, false, true, address(vault));
        emit IOptionVault.CollateralWithdrawn(ALICE, putId, 100 * USDC);
        vm.prank(ALICE);
        vault.withdrawCollateral(putId, 100 * USDC);
        assertEq(usdc.balanceOf(ALICE), 10_000_000 * USDC - 900 * USDC, "withdrawn to the writer");
    }

    function test_closePosition_thenWithdrawAll() public {
        _write(ALICE, putId, WAD, 1000 * USDC);
        vm.startPrank(ALICE);
        vault.closePosition(putId, WAD);
        vault.withdrawCollateral(putId, 1000 * USDC);
        vm.stopPrank();
        assertEq(vault.getSeries(putId).openInterest, 0, "open interest closed");
        assertEq(vault.longOf(putId, ALICE), 0, "longs burned");
    }

    function test_closePosition_withoutLongs_reverts() public {
        _write(ALICE, putId, WAD, 1000 * USDC);
        vm.prank(ALICE);
        vault.transferLong(putId, BOB, WAD);
        vm.prank(ALICE);
        vm.expectRevert(abi.encodeWithSelector(OptionErrors.AmountExceedsLong.selector, 0, WAD));
        vault.closePosition(putId, WAD);
    }

    // ---------------------------------------------------------------- premium

    function test_buy_paysMarkPlusSpreadToSeller() public {
        _write(ALICE, putId, 2 * WAD, 1000 * USDC);
        vm.prank(ALICE);
        vault.setOffer(putId, 2 * WAD);
        (uint256 mark,) = vault.markOf(putId);
        uint256 expected = (2 * mark * 102 / 100) / 1e12 + 1;
        uint256 aliceBefore = usdc.balanceOf(ALICE);
        vm.prank(BOB);
        uint256 premium = vault.buy(putId, ALICE, WAD + WAD, type(uint256).max);
        assertApproxEqAbs(premium, expected, 1, "premium = amount x mark x 1.02, rounded up");
        assertEq(usdc.balanceOf(ALICE) - aliceBefore, premium, "seller receives the premium");
        assertEq(vault.longOf(putId, BOB), 2 * WAD, "buyer holds the longs");
        assertEq(vault.offerOf(putId, ALICE), 0, "offer consumed");
    }

    function test_buy_aboveLimitOrOffer_reverts() public {
        _write(ALICE, putId, 2 * WAD, 1000 * USDC);
        vm.prank(ALICE);
        vault.setOffer(putId, WAD);
        vm.prank(BOB);
        vm.expectRevert(abi.encodeWithSelector(OptionErrors.AmountExceedsOffer.selector, WAD, 2 * WAD));
        vault.buy(putId, ALICE, 2 * WAD, type(uint256).max);
        _assertRevertsWith(
            BOB, address(vault), abi.encodeCall(vault.buy, (putId, ALICE, WAD, 1)), OptionErrors.PremiumAboveLimit.selector, "limit"
        );
    }

    function test_markOf_matchesLibrary() public view {
        (uint256 mark, int256 delta) = vault.markOf(putId);
        (uint256 expected, int256 expectedDelta) =
            BlackScholesLib.priceAndDelta(2000e18, 1800e18, volOracle.volatility(), 30 days * WAD / 365 days, false);
        assertApproxEqAbs(mark, expected, 1e6, "vault mark = Black-Scholes at the oracle volatility");
        assertTrue(delta < 0, "put delta negative");
        assertApproxEqAbs(uint256(-delta), uint256(-expectedDelta), 1e6, "vault delta = Black-Scholes delta");
    }
}
