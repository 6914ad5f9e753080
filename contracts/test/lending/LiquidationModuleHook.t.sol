// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {AggregatorV3Interface} from "../../src/interfaces/AggregatorV3Interface.sol";
import {Errors} from "../../src/libraries/Errors.sol";
import {CircuitBreaker} from "../../src/lending/CircuitBreaker.sol";
import {ILiquidationModule} from "../../src/lending/ILiquidationModule.sol";
import {IMarketGuard} from "../../src/lending/IMarketGuard.sol";
import {MockLiquidationModule} from "../mocks/MockLiquidationModule.sol";
import {MarketTestBase} from "./MarketTestBase.sol";

/// @notice The market's liquidation-module hook (LM-*): a module takes a liquidatable position whole,
///         repays it to the last share and writes off the rest; direct liquidations route to it.
///         18-decimal collateral, 6-decimal loan, the base's fixed 75/80 design at 2000.
contract LiquidationModuleHookTest is MarketTestBase {
    MockLiquidationModule internal module;

    constructor() MarketTestBase(18, 6) {}

    function setUp() public override {
        super.setUp();
        module = new MockLiquidationModule(market);
        market.setLiquidationModule(ILiquidationModule(address(module)));
        // 10 collateral at 2000 backs 15,000 (75%); at 1800 the health factor is 0.96.
        _open(BORROWER, 10e18, 15_000 * L);
        loan.mint(address(module), 1_000_000 * L);
    }

    function _underwater() internal {
        vm.warp(block.timestamp + 12);
        _setPrice(1800e8);
    }

    /// LM-1: the module takes the position whole: shares onto its account, collateral to it, totals kept.
    function test_transferPosition_movesDebtSharesAndCollateralToTheModule() public {
        _underwater();
        (, uint256 sharesBefore,) = market.positions(BORROWER);
        (,, uint256 borrowsBefore,) = market.expectedTotals(); // with the interest accrued on the way
        (uint256 debt, uint256 shares, uint256 coll) = module.take(BORROWER);
        assertEq(shares, sharesBefore, "all shares");
        assertEq(coll, 10e18, "all collateral");
        assertGe(debt, 15_000 * L, "debt with interest");
        (, uint256 borrowerShares, uint256 borrowerCollateral) = market.positions(BORROWER);
        assertEq(borrowerShares, 0, "borrower owes nothing");
        assertEq(borrowerCollateral, 0, "borrower has no collateral left");
        (, uint256 moduleShares,) = market.positions(address(module));
        assertEq(moduleShares, shares, "the module owes the shares");
        assertEq(collateral.balanceOf(address(module)), 10e18, "collateral sent to the module");
        assertEq(market.totalCollateral(), 0, "collateral left the market's books");
        assertEq(market.totalBorrowAssets(), borrowsBefore, "the debt stays owed to lenders");
        assertEq(market.debtOf(address(module)), debt, "the module owes the debt");
    }

    /// LM-2: only the module, only a liquidatable position, and not while the guard pauses liquidations.
    function test_transferPosition_refusesOtherCallersHealthyPositionsAndPauses() public {
        vm.prank(LIQUIDATOR);
        vm.expectRevert(abi.encodeWithSelector(Errors.CallerIsNotLiquidationModule.selector, LIQUIDATOR));
        market.transferPosition(BORROWER);
        vm.expectRevert(abi.encodeWithSelector(Errors.PositionNotLiquidatable.selector, market.healthFactor(BORROWER)));
        module.take(BORROWER);

        CircuitBreaker breaker = new CircuitBreaker(AggregatorV3Interface(address(feed)), 0.05e18, 5, 20, false);
        breaker.poke();
        market.setGuard(IMarketGuard(address(breaker)));
        vm.roll(block.number + 1);
        _underwater();
        breaker.poke();
        vm.expectRevert(Errors.LiquidationsPaused.selector);
        module.take(BORROWER);
    }

    /// LM-3: a direct liquidation reverts while the module takes the position, and runs when it declines.
    function test_liquidate_routesToTheModuleUnlessItDeclines() public {
        _underwater();
        vm.prank(LIQUIDATOR);
        vm.expectRevert(abi.encodeWithSelector(Errors.LiquidationRoutedToModule.selector, address(module)));
        market.liquidate(BORROWER, type(uint256).max);
        module.setTakes(false);
        vm.prank(LIQUIDATOR);
        (uint256 repaid,,) = market.liquidate(BORROWER, type(uint256).max);
        assertGt(repaid, 0, "the market's own liquidation is the fallback");
    }

    /// LM-4: the module's own account (debt, no collateral) is never liquidatable directly.
    function test_liquidate_neverTakesTheModulesAccount() public {
        _underwater();
        module.take(BORROWER);
        module.setTakes(false);
        vm.prank(LIQUIDATOR);
        vm.expectRevert(abi.encodeWithSelector(Errors.LiquidationRoutedToModule.selector, address(module)));
        market.liquidate(address(module), type(uint256).max);
    }

    /// LM-5: repayShares clears exactly the shares asked, at their value rounded up.
    function test_repayShares_clearsToTheLastShare() public {
        _underwater();
        (, uint256 shares,) = module.take(BORROWER);
        uint256 debt = market.debtOf(address(module));
        uint256 balance = loan.balanceOf(address(module));
        uint256 paid = module.repayShares(shares);
        assertEq(paid, debt, "the whole debt");
        assertEq(balance - loan.balanceOf(address(module)), paid, "paid what it returned");
        assertEq(market.debtOf(address(module)), 0, "nothing owed");
        assertEq(market.totalBorrowShares(), 0, "no shares left");
        vm.expectRevert(Errors.PositionHasNoDebt.selector);
        module.repayShares(1);
    }

    function test_repayShares_refusesMoreThanOwed() public {
        (, uint256 shares,) = market.positions(BORROWER);
        vm.prank(BORROWER);
        vm.expectRevert(abi.encodeWithSelector(Errors.RepayExceedsDebtShares.selector, shares, shares + 1));
        market.repayShares(shares + 1);
    }

    /// LM-6: a write-off is bad debt of the borrower: the insurance fund pays first, lenders the rest.
    function test_writeOff_drawsInsuranceThenSocializes() public {
        vm.prank(LIQUIDATOR);
        market.fundInsurance(1_000 * L);
        _underwater();
        (, uint256 shares,) = module.take(BORROWER);
        uint256 supplyBefore = market.totalSupplyAssets();
        uint256 debt = market.debtOf(address(module));
        uint256 repaid = module.repayShares(shares / 2);
        uint256 rest = shares - shares / 2;
        uint256 bad = module.writeOff(BORROWER, rest);
        assertApproxEqAbs(repaid + bad, debt, 1, "repaid and written off make the debt");
        assertEq(market.totalBadDebt(), bad, "bad debt recorded");
        assertEq(market.insuranceFund(), 0, "insurance drawn first");
        assertEq(market.totalSocializedLoss(), bad - 1_000 * L, "the rest socialized");
        assertEq(supplyBefore - market.totalSupplyAssets(), bad - 1_000 * L, "lenders absorb the socialized part");
        assertEq(market.debtOf(address(module)), 0, "the module owes nothing");
    }

    function test_writeOff_onlyTheModule() public {
        vm.expectRevert(abi.encodeWithSelector(Errors.CallerIsNotLiquidationModule.selector, address(this)));
        market.writeOff(BORROWER, 1);
    }

    /// LM-7: the module is replaced only by the owner, and not while it owes the market.
    function test_setLiquidationModule_ownerOnlyAndNotWhileTheModuleOwes() public {
        vm.prank(LIQUIDATOR);
        vm.expectRevert(abi.encodeWithSignature("OwnableUnauthorizedAccount(address)", LIQUIDATOR));
        market.setLiquidationModule(ILiquidationModule(address(0)));
        _underwater();
        (, uint256 shares,) = module.take(BORROWER);
        vm.expectRevert(abi.encodeWithSelector(Errors.LiquidationModuleHoldsDebt.selector, shares));
        market.setLiquidationModule(ILiquidationModule(address(0)));
        module.repayShares(shares);
        market.setLiquidationModule(ILiquidationModule(address(0)));
        assertEq(address(market.liquidationModule()), address(0), "removed once settled");
    }
}
