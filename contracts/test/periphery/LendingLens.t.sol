// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {ILendingMarket} from "../../src/lending/ILendingMarket.sol";
import {LendingLens} from "../../src/periphery/LendingLens.sol";
import {MarketTestBase} from "../lending/MarketTestBase.sol";

contract LendingLensTest is MarketTestBase {
    LendingLens internal lens;

    constructor() MarketTestBase(18, 6) {}

    function setUp() public override {
        super.setUp();
        lens = new LendingLens();
        _open(BORROWER, 1 * C, 1000 * L);
        _open(BORROWER2, 2 * C, 1500 * L);
        _deposit(LIQUIDATOR, 1 * C);
    }

    function test_positionsOf_returnsRequestedAccounts() public view {
        address[] memory accounts = new address[](2);
        accounts[0] = BORROWER2;
        accounts[1] = LENDER;
        LendingLens.PositionView[] memory v = lens.positionsOf(ILendingMarket(address(market)), accounts);
        assertEq(v.length, 2, "length");
        assertEq(v[0].borrower, BORROWER2, "order kept");
        assertEq(v[0].collateral, 2 * C, "collateral");
        assertEq(v[0].debt, 1500 * L, "debt");
        assertEq(v[0].healthFactor, market.healthFactor(BORROWER2), "health factor");
        assertEq(v[0].liquidationThreshold, LT, "threshold");
        assertEq(v[0].closeFactor, CLOSE_FACTOR, "close factor the model answers");
        assertEq(v[0].liquidationBonus, BONUS, "bonus the model answers, which bots must quote");
        assertEq(v[1].healthFactor, type(uint256).max, "no debt");
    }

    function test_positionsInRange_clipsToListEnd() public view {
        LendingLens.PositionView[] memory v = lens.positionsInRange(ILendingMarket(address(market)), 1, 10);
        assertEq(v.length, 2, "two listed after index 0");
        assertEq(v[0].borrower, BORROWER2, "index 1");
        assertEq(v[1].borrower, LIQUIDATOR, "index 2");
        assertEq(lens.positionsInRange(ILendingMarket(address(market)), 5, 10).length, 0, "past the end");
    }

    function test_marketTotals_inOneCall() public view {
        LendingLens.MarketTotals memory t = lens.marketTotals(ILendingMarket(address(market)));
        assertEq(t.totalSupplyAssets, 1_000_000 * L, "supply");
        assertEq(t.totalBorrowAssets, 2500 * L, "borrow");
        assertEq(t.totalCollateral, 4 * C, "collateral");
        assertEq(t.borrowerCount, 3, "borrowers");
        assertEq(t.oracleAnswer, PRICE, "answer");
        assertEq(t.maxOracleAge, MAX_AGE, "max age");
        assertEq(t.availableLiquidity, 1_000_000 * L - 2500 * L, "liquidity");
    }
}
