// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {ILendingMarket} from "../../src/lending/ILendingMarket.sol";
import {Errors} from "../../src/libraries/Errors.sol";
import {MarketTestBase} from "./MarketTestBase.sol";

abstract contract BorrowersTests is MarketTestBase {
    function test_depositCollateral_listsBorrowerOnce() public {
        vm.expectEmit(true, false, false, true, address(market));
        emit ILendingMarket.BorrowerListed(BORROWER, 0);
        _deposit(BORROWER, 1 * C);
        _deposit(BORROWER, 1 * C);
        assertEq(market.borrowerCount(), 1, "listed once");
        assertEq(market.borrowers(0), BORROWER, "listed address");
        (,, uint256 coll) = market.positions(BORROWER);
        assertEq(coll, 2 * C, "collateral");
        assertEq(market.totalCollateral(), 2 * C, "total collateral");
    }

    function test_depositCollateral_revertsOnZeroAmount() public {
        vm.expectRevert(Errors.AmountIsZero.selector);
        _deposit(BORROWER, 0);
    }

    function test_borrow_succeedsUpToInitialLtv() public {
        _supply(LENDER, 1_000_000 * L);
        _deposit(BORROWER, 1 * C);
        vm.expectEmit(true, false, false, false, address(market));
        emit ILendingMarket.Borrow(BORROWER, 1500 * L, 0);
        _borrow(BORROWER, 1500 * L);
        assertEq(market.debtOf(BORROWER), 1500 * L, "debt");
        assertEq(loan.balanceOf(BORROWER), 1_000_000_000 * L + 1500 * L, "tokens received");
    }

    function test_borrow_revertsAboveInitialLtv() public {
        _supply(LENDER, 1_000_000 * L);
        _deposit(BORROWER, 1 * C);
        vm.expectRevert(abi.encodeWithSelector(Errors.DebtExceedsMaxLtv.selector, 1500 * L + 1, 1500 * L));
        _borrow(BORROWER, 1500 * L + 1);
    }

    function test_borrow_revertsWithoutCollateral() public {
        _supply(LENDER, 1_000_000 * L);
        vm.expectRevert(abi.encodeWithSelector(Errors.DebtExceedsMaxLtv.selector, 1, 0));
        _borrow(BORROWER, 1);
    }

    function test_borrow_revertsOnZeroAmount() public {
        vm.expectRevert(Errors.AmountIsZero.selector);
        _borrow(BORROWER, 0);
    }

    function test_borrow_revertsWithoutLiquidity() public {
        _supply(LENDER, 100 * L);
        _deposit(BORROWER, 1 * C);
        vm.expectRevert(abi.encodeWithSelector(Errors.InsufficientLiquidity.selector, 100 * L, 101 * L));
        _borrow(BORROWER, 101 * L);
    }

    function test_borrow_revertsOnStaleOracle() public {
        _supply(LENDER, 1_000_000 * L);
        _deposit(BORROWER, 1 * C);
        uint256 pushedAt = block.timestamp;
        vm.warp(block.timestamp + MAX_AGE + 1);
        vm.expectRevert(abi.encodeWithSelector(Errors.OracleAnswerStale.selector, pushedAt, MAX_AGE));
        _borrow(BORROWER, 1 * L);
    }

    function test_borrow_succeedsAtExactlyMaxAge() public {
        _supply(LENDER, 1_000_000 * L);
        _deposit(BORROWER, 1 * C);
        vm.warp(block.timestamp + MAX_AGE);
        _borrow(BORROWER, 1 * L);
        assertEq(market.debtOf(BORROWER), 1 * L, "borrowed at the age limit");
    }

    function test_borrow_revertsWhenKeeperPausedFeed() public {
        _supply(LENDER, 1_000_000 * L);
        _deposit(BORROWER, 1 * C);
        // A paused Chainlink-style feed keeps answering its last round: it only goes stale.
        vm.warp(block.timestamp + 1 days);
        (, uint256 updatedAt) = market.oracleAnswer();
        vm.expectRevert(abi.encodeWithSelector(Errors.OracleAnswerStale.selector, updatedAt, MAX_AGE));
        _borrow(BORROWER, 1 * L);
    }

    function test_borrow_revertsOnZeroAnswer() public {
        _supply(LENDER, 1_000_000 * L);
        _deposit(BORROWER, 1 * C);
        _setPrice(0);
        vm.expectRevert(abi.encodeWithSelector(Errors.OracleAnswerNonPositive.selector, int256(0)));
        _borrow(BORROWER, 1 * L);
    }

    function test_borrow_revertsOnNegativeAnswer() public {
        _supply(LENDER, 1_000_000 * L);
        _deposit(BORROWER, 1 * C);
        _setPrice(-1);
        vm.expectRevert(abi.encodeWithSelector(Errors.OracleAnswerNonPositive.selector, int256(-1)));
        _borrow(BORROWER, 1 * L);
    }

    function test_borrow_revertsOnAnswerAboveRange() public {
        _supply(LENDER, 1_000_000 * L);
        _deposit(BORROWER, 1 * C);
        _setPrice(1e36 + 1);
        vm.expectRevert(abi.encodeWithSelector(Errors.OracleAnswerTooLarge.selector, int256(1e36 + 1)));
        _borrow(BORROWER, 1 * L);
    }

    function test_withdrawCollateral_withoutDebtIgnoresOracle() public {
        _deposit(BORROWER, 2 * C);
        _setPrice(0);
        vm.warp(block.timestamp + 10 days);
        vm.prank(BORROWER);
        market.withdrawCollateral(2 * C);
        (,, uint256 coll) = market.positions(BORROWER);
        assertEq(coll, 0, "all collateral withdrawn");
    }

    function test_withdrawCollateral_revertsAboveInitialLtv() public {
        _open(BORROWER, 2 * C, 1500 * L);
        vm.prank(BORROWER);
        market.withdrawCollateral(1 * C);
        vm.expectRevert(abi.encodeWithSelector(Errors.DebtExceedsMaxLtv.selector, 1500 * L, _value(C - 1, PRICE) * 3 / 4));
        vm.prank(BORROWER);
        market.withdrawCollateral(1);
    }

    function test_withdrawCollateral_revertsAboveDeposit() public {
        _deposit(BORROWER, 1 * C);
        vm.expectRevert(abi.encodeWithSelector(Errors.WithdrawExceedsCollateral.selector, 1 * C, 1 * C + 1));
        vm.prank(BORROWER);
        market.withdrawCollateral(1 * C + 1);
    }

    function test_withdrawCollateral_revertsOnZeroAmount() public {
        vm.expectRevert(Errors.AmountIsZero.selector);
        vm.prank(BORROWER);
        market.withdrawCollateral(0);
    }

    function test_repay_partialBurnsSharesRoundedDown() public {
        _open(BORROWER, 1 * C, 1000 * L);
        vm.prank(BORROWER);
        (uint256 repaid,) = market.repay(400 * L);
        assertEq(repaid, 400 * L, "repaid");
        assertEq(market.debtOf(BORROWER), 600 * L, "remaining debt");
    }

    function test_repay_capsAtDebt() public {
        _open(BORROWER, 1 * C, 1000 * L);
        vm.warp(block.timestamp + 7 days);
        uint256 debt = market.debtOf(BORROWER);
        uint256 before = loan.balanceOf(BORROWER);
        vm.prank(BORROWER);
        (uint256 repaid,) = market.repay(type(uint256).max);
        assertEq(repaid, debt, "repaid the whole debt with interest");
        assertEq(before - loan.balanceOf(BORROWER), debt, "pulled only the debt");
        (, uint256 shares,) = market.positions(BORROWER);
        assertEq(shares, 0, "no shares left");
    }

    function test_repay_worksWhileOracleIsStale() public {
        _open(BORROWER, 1 * C, 1000 * L);
        _setPrice(0);
        vm.prank(BORROWER);
        market.repay(1000 * L);
        assertEq(market.debtOf(BORROWER), 0, "repaid without oracle");
    }

    function test_repay_revertsWithoutDebt() public {
        vm.expectRevert(Errors.PositionHasNoDebt.selector);
        vm.prank(BORROWER);
        market.repay(1);
    }

    function test_repay_revertsOnZeroAmount() public {
        vm.expectRevert(Errors.AmountIsZero.selector);
        vm.prank(BORROWER);
        market.repay(0);
    }

    function test_healthFactor_isMaxWithoutDebtAndZeroOnBadAnswer() public {
        _deposit(BORROWER, 1 * C);
        assertEq(market.healthFactor(BORROWER), type(uint256).max, "no debt");
        _open(BORROWER2, 1 * C, 1000 * L);
        assertEq(market.healthFactor(BORROWER2), 1.6e18, "2000 x 0.8 / 1000");
        _setPrice(-5);
        assertEq(market.healthFactor(BORROWER2), 0, "non-positive answer");
    }
}

contract LendingMarketBorrowers_Coll18_Loan6_Test is BorrowersTests {
    constructor() MarketTestBase(18, 6) {}
}

contract LendingMarketBorrowers_Coll18_Loan18_Test is BorrowersTests {
    constructor() MarketTestBase(18, 18) {}
}

contract LendingMarketBorrowers_Coll8_Loan6_Test is BorrowersTests {
    constructor() MarketTestBase(8, 6) {}
}
