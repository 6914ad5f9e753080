// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {AggregatorV3Interface} from "../../src/interfaces/AggregatorV3Interface.sol";
import {ILendingMarket} from "../../src/lending/ILendingMarket.sol";
import {RateParams} from "../../src/lending/libraries/RateLib.sol";
import {Errors} from "../../src/libraries/Errors.sol";
import {MarketTestBase} from "./MarketTestBase.sol";

abstract contract LendersTests is MarketTestBase {
    function test_supply_mintsSharesAndPullsTokens() public {
        uint256 before = loan.balanceOf(LENDER);
        vm.expectEmit(true, false, false, true, address(market));
        emit ILendingMarket.Supply(LENDER, 1000 * L, 1000 * L * 1e6);
        _supply(LENDER, 1000 * L);
        assertEq(market.totalSupplyAssets(), 1000 * L, "total supply assets");
        assertEq(market.supplyBalanceOf(LENDER), 1000 * L, "lender balance");
        assertEq(before - loan.balanceOf(LENDER), 1000 * L, "tokens pulled");
    }

    function test_supply_revertsOnZeroAmount() public {
        vm.expectRevert(Errors.AmountIsZero.selector);
        _supply(LENDER, 0);
    }

    function test_withdraw_returnsAssetsAndBurnsShares() public {
        _supply(LENDER, 1000 * L);
        vm.prank(LENDER);
        market.withdraw(400 * L);
        assertEq(market.supplyBalanceOf(LENDER), 600 * L, "remaining balance");
        assertEq(loan.balanceOf(address(market)), 600 * L, "market cash");
    }

    function test_withdraw_revertsOnZeroAmount() public {
        vm.expectRevert(Errors.AmountIsZero.selector);
        vm.prank(LENDER);
        market.withdraw(0);
    }

    function test_withdraw_revertsAboveBalance() public {
        _supply(LENDER, 1000 * L);
        vm.expectRevert(abi.encodeWithSelector(Errors.WithdrawExceedsSupplyBalance.selector, 1000 * L, 1000 * L + 1));
        vm.prank(LENDER);
        market.withdraw(1000 * L + 1);
    }

    function test_withdraw_revertsWhenCashIsBorrowed() public {
        _open(BORROWER, 10 * C, 15_000 * L);
        uint256 available = market.availableLiquidity();
        vm.expectRevert(abi.encodeWithSelector(Errors.InsufficientLiquidity.selector, available, 1_000_000 * L));
        vm.prank(LENDER);
        market.withdraw(1_000_000 * L);
    }

    function test_withdraw_roundsSharesUpForTheProtocol() public {
        _open(BORROWER, 10 * C, 15_000 * L);
        vm.warp(block.timestamp + 30 days);
        market.accrueInterest();
        (uint256 sharesBefore,,) = market.positions(LENDER);
        vm.prank(LENDER);
        uint256 burned = market.withdraw(1);
        (uint256 sharesAfter,,) = market.positions(LENDER);
        assertEq(sharesBefore - sharesAfter, burned, "shares burned");
        assertGe(burned * (market.totalSupplyAssets() + 1), market.totalSupplyShares() + 1e6, "1 wei costs >= its share");
    }

    function test_accrueInterest_growsDebtAndSupplyTogether() public {
        _open(BORROWER, 10 * C, 15_000 * L);
        uint256 rate = market.borrowRatePerSecond();
        vm.warp(block.timestamp + 365 days);
        uint256 expected = (15_000 * L * rate * 365 days) / 1e18;
        market.accrueInterest();
        assertEq(market.totalBorrowAssets(), 15_000 * L + expected, "borrow grew by linear interest");
        assertEq(market.totalSupplyAssets(), 1_000_000 * L + expected, "supply grew by the same interest");
        assertGe(market.debtOf(BORROWER), 15_000 * L + expected, "borrower debt rounds up");
    }

    function test_borrowRatePerSecond_followsKink() public {
        _supply(LENDER, 1000 * L);
        _deposit(BORROWER, 100 * C);
        assertEq(market.borrowRatePerSecond(), 0, "zero utilization, zero base");
        _borrow(BORROWER, 800 * L);
        assertEq(market.borrowRatePerSecond(), uint256(0.04e18) / 365 days, "at the kink: base + slope1");
        _borrow(BORROWER, 200 * L);
        assertEq(market.borrowRatePerSecond(), uint256(0.79e18) / 365 days, "full: base + slope1 + slope2");
    }

    function test_setters_revertForNonOwner() public {
        vm.startPrank(LENDER);
        vm.expectRevert(abi.encodeWithSignature("OwnableUnauthorizedAccount(address)", LENDER));
        market.setMaxOracleAge(1);
        vm.expectRevert(abi.encodeWithSignature("OwnableUnauthorizedAccount(address)", LENDER));
        market.setDustThreshold(1);
        vm.stopPrank();
    }

    function test_setters_emitAndValidate() public {
        vm.expectEmit(false, false, false, true, address(market));
        emit ILendingMarket.MaxOracleAgeSet(60);
        market.setMaxOracleAge(60);
        assertEq(market.maxOracleAge(), 60, "max age");
        vm.expectRevert(Errors.MaxOracleAgeIsZero.selector);
        market.setMaxOracleAge(0);
        vm.expectRevert(abi.encodeWithSelector(Errors.ShareAboveOne.selector, 1e18 + 1));
        market.setInsuranceShare(1e18 + 1);
        vm.expectRevert(abi.encodeWithSelector(Errors.KinkOutOfRange.selector, 1e18));
        market.setRateParams(RateParams(0, 0, 0, 1e18));
        vm.expectRevert(Errors.AddressIsZero.selector);
        market.setOracle(AggregatorV3Interface(address(0)));
        vm.expectEmit(false, false, false, true, address(market));
        emit ILendingMarket.DustThresholdSet(7);
        market.setDustThreshold(7);
    }
}

contract LendingMarketLenders_Coll18_Loan6_Test is LendersTests {
    constructor() MarketTestBase(18, 6) {}
}

contract LendingMarketLenders_Coll18_Loan18_Test is LendersTests {
    constructor() MarketTestBase(18, 18) {}
}
