// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Errors} from "../../src/libraries/Errors.sol";
import {IOptionVault, Series} from "../../src/options/IOptionVault.sol";
import {OptionErrors} from "../../src/options/OptionErrors.sol";
import {OptionTestBase} from "./OptionTestBase.sol";

/// @notice Settlement of the options vault: the expiry round's price, writers paying in, fair redemptions.
contract OptionSettlementTest is OptionTestBase {
    // ---------------------------------------------------------------- settlement

    function _expireAt(uint256 price8) internal {
        vm.warp(EXPIRY + 10);
        _setPrice(price8);
    }

    /// @dev Settles at the latest round, which `_expireAt` made the first one at or after expiry.
    function _settle(uint256 seriesId) internal {
        vault.settleSeries(seriesId, feed.latestRound());
    }

    function test_settleSeries_beforeExpiry_reverts() public {
        vm.expectRevert(abi.encodeWithSelector(OptionErrors.SeriesNotExpired.selector, putId, EXPIRY));
        vault.settleSeries(putId, 1);
    }

    function test_settleSeries_roundBeforeExpiry_reverts() public {
        vm.warp(EXPIRY - 100);
        _setPrice(1500e8);
        vm.warp(EXPIRY + 1);
        uint80 round = feed.latestRound();
        vm.expectRevert(abi.encodeWithSelector(OptionErrors.OracleAnswerBeforeExpiry.selector, EXPIRY - 100, EXPIRY));
        vault.settleSeries(putId, round);
    }

    function test_settleSeries_laterRoundHint_reverts() public {
        _expireAt(1900e8);
        uint80 expiryRound = feed.latestRound();
        vm.warp(EXPIRY + 50 minutes);
        _setPrice(1000e8);
        vm.expectRevert(
            abi.encodeWithSelector(
                OptionErrors.SettlementRoundNotFirstAfterExpiry.selector, expiryRound + 1, EXPIRY + 10, EXPIRY
            )
        );
        vault.settleSeries(putId, expiryRound + 1);
    }

    function test_settleSeries_unknownRound_reverts() public {
        _expireAt(1900e8);
        vm.expectRevert(abi.encodeWithSelector(Errors.RoundNotFound.selector, uint80(99)));
        vault.settleSeries(putId, 99);
    }

    function test_settleSeries_nonPositiveExpiryAnswer_reverts() public {
        vm.warp(EXPIRY);
        uint80 round = feed.pushAnswer(-1);
        vm.expectRevert(abi.encodeWithSelector(Errors.OracleAnswerNonPositive.selector, int256(-1)));
        vault.settleSeries(putId, round);
    }

    function test_settleSeries_lateCall_usesExpiryRound() public {
        _expireAt(1500e8);
        vm.warp(EXPIRY + 10 days);
        _setPrice(2500e8);
        vault.settleSeries(putId, feed.latestRound() - 1);
        assertEq(vault.getSeries(putId).settlementPrice, 1500e18, "days late, the expiry round's price");
    }

    function test_settle_putPaysExactlyIntrinsic() public {
        _write(ALICE, putId, 3 * WAD, 2000 * USDC);
        vm.prank(ALICE);
        vault.transferLong(putId, BOB, 3 * WAD);
        _expireAt(1650.5e8);
        vm.expectEmit(true, false, false, true, address(vault));
        emit IOptionVault.SeriesSettled(putId, 1650.5e18, 149.5e18);
        _settle(putId);
        vault.settlePosition(ALICE, putId);
        vm.prank(BOB);
        uint256 payout = vault.redeem(putId, 3 * WAD);
        assertEq(payout, 448.5e6, "OPT_INV_C: 3 x (1800 - 1650.5) USDC");
        assertEq(usdc.balanceOf(ALICE), 10_000_000 * USDC - 448.5e6, "writer refunded the rest");
        assertEq(vault.getSeries(putId).pool, 0, "pool paid out");
    }

    function test_settle_coveredCallPaysIntrinsicInUnderlying() public {
        _write(ALICE, coveredCallId, 2 * WAD, 2 * ETH);
        vm.prank(ALICE);
        vault.transferLong(coveredCallId, BOB, 2 * WAD);
        _expireAt(2750e8);
        _settle(coveredCallId);
        vault.settlePosition(ALICE, coveredCallId);
        vm.prank(BOB);
        uint256 payout = vault.redeem(coveredCallId, 2 * WAD);
        assertEq(payout, 2 * ETH * 550 / 2750, "OPT_INV_C: 2 x (2750 - 2200) / 2750 WETH");
        assertEq(weth.balanceOf(ALICE), 1_000 * ETH - payout, "writer keeps the rest of the underlying");
    }

    function test_settle_outOfTheMoneyRefundsAll() public {
        _write(ALICE, callId, WAD, 1000 * USDC);
        _expireAt(2100e8);
        _settle(callId);
        vault.settlePosition(ALICE, callId);
        vm.prank(ALICE);
        assertEq(vault.redeem(callId, WAD), 0, "OTM call pays nothing");
        assertEq(usdc.balanceOf(ALICE), 10_000_000 * USDC, "all collateral back");
    }

    function test_settle_shortfallRecordedAsBadDebt() public {
        _write(ALICE, callId, WAD, 1000 * USDC);
        _write(BOB, callId, WAD, 1000 * USDC);
        _expireAt(4000e8); // owes 1800 USDC per option against 1000
        _settle(callId);
        vault.settlePosition(ALICE, callId);
        Series memory s = vault.getSeries(callId);
        assertEq(s.badDebt, 800 * USDC, "OPT_INV_A: shortfall recorded");
        assertEq(s.pool, 1000 * USDC, "all collateral to the pool");
        vm.prank(BOB);
        vm.expectRevert(abi.encodeWithSelector(OptionErrors.WritersNotSettled.selector, callId, WAD));
        vault.redeem(callId, WAD);
    }

    function test_redeem_beforeSettlement_reverts() public {
        _write(ALICE, putId, WAD, 1000 * USDC);
        vm.prank(ALICE);
        vm.expectRevert(abi.encodeWithSelector(OptionErrors.SeriesNotSettled.selector, putId));
        vault.redeem(putId, WAD);
    }

    function test_settleSeries_laterFavourableAnswer_settlesAtExpiryRound() public {
        _write(ALICE, putId, WAD, 2000 * USDC);
        vm.prank(ALICE);
        vault.transferLong(putId, BOB, WAD);
        vm.warp(EXPIRY);
        _setPrice(1900e8); // the answer at expiry: the put is worthless
        vm.warp(EXPIRY + 50 minutes);
        _setPrice(1000e8);
        vault.settleSeries(putId, feed.latestRound() - 1);
        assertEq(vault.getSeries(putId).settlementPrice, 1900e18, "settled at the first round at or after expiry");
        vault.settlePosition(ALICE, putId);
        vm.prank(BOB);
        assertEq(vault.redeem(putId, WAD), 0, "a put worthless at expiry pays nothing");
    }

    function test_redeem_shortfall_sharedProRata() public {
        _write(ALICE, callId, WAD, 1000 * USDC);
        _write(BOB, callId, WAD, 1000 * USDC);
        address carol = address(0xCA201);
        address dave = address(0xDA7E);
        vm.prank(ALICE);
        vault.transferLong(callId, carol, WAD);
        vm.prank(BOB);
        vault.transferLong(callId, dave, WAD);
        _expireAt(4000e8); // each writer owes 1800 USDC against 1000
        _settle(callId);
        vault.settlePosition(ALICE, callId);
        vault.settlePosition(BOB, callId);
        vm.prank(carol);
        uint256 first = vault.redeem(callId, WAD);
        vm.prank(dave);
        uint256 second = vault.redeem(callId, WAD);
        assertApproxEqAbs(first, 1000 * USDC, 1, "the first claim gets its share of the pool, not all of it");
        assertLe(first, 1000 * USDC, "rounded down");
        assertEq(second, first, "an identical later claim gets the same");
        Series memory s = vault.getSeries(callId);
        assertEq(s.recoveryRate, uint256(2000e6) * WAD / 3600e6, "recovery = pool / owed, rounded down");
        assertLe(first + second, 2000 * USDC, "payouts never exceed the pool");
    }
}
