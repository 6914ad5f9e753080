// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Errors} from "../../src/libraries/Errors.sol";
import {ILendingMarket} from "../../src/lending/ILendingMarket.sol";
import {IMarginModel, MarginParams} from "../../src/margin/IMarginModel.sol";
import {HealthBand, TieredMargin} from "../../src/margin/TieredMargin.sol";
import {MarketTestBase} from "../lending/MarketTestBase.sol";

/// @notice TieredMargin on the base's market (75/80, close factor 50%, bonus 5%) with Aave v3's band
///         (100% below health 0.95) and a deeper one (bonus 8% below 0.85). A borrower with 10 collateral
///         and 15,000 debt has health 2000 x 10 x 0.8 / 15,000 = 1.067 at 2000.
contract TieredMarginTest is MarketTestBase {
    TieredMargin internal tiered;

    constructor() MarketTestBase(18, 6) {}

    function _bands() internal pure returns (HealthBand[] memory b) {
        b = new HealthBand[](2);
        b[0] = HealthBand(0.95e18, 1e18, 0.05e18);
        b[1] = HealthBand(0.85e18, 1e18, 0.08e18);
    }

    function setUp() public override {
        super.setUp();
        tiered = new TieredMargin(MarginParams(LTV, LT, CLOSE_FACTOR, BONUS), _bands());
        tiered.bind(ILendingMarket(address(market)));
        market.setMarginModel(IMarginModel(address(tiered)));
        _open(BORROWER, 10 * C, 15_000 * L);
    }

    function _params() internal view returns (MarginParams memory) {
        (, , uint256 coll) = market.positions(BORROWER);
        return tiered.params(BORROWER, coll);
    }

    function test_constructor_refusesBadBands() public {
        HealthBand[] memory b = new HealthBand[](2);
        b[0] = HealthBand(0.95e18, 1e18, 0.05e18);
        b[1] = HealthBand(0.95e18, 1e18, 0.05e18); // not falling
        vm.expectRevert(abi.encodeWithSelector(Errors.HealthBandsInvalid.selector, 1));
        new TieredMargin(MarginParams(LTV, LT, CLOSE_FACTOR, BONUS), b);
        b[1] = HealthBand(0, 1e18, 0.05e18);
        vm.expectRevert(abi.encodeWithSelector(Errors.HealthBandsInvalid.selector, 1));
        new TieredMargin(MarginParams(LTV, LT, CLOSE_FACTOR, BONUS), b);
        b[0] = HealthBand(1e18 + 1, 1e18, 0.05e18);
        vm.expectRevert(abi.encodeWithSelector(Errors.HealthBandsInvalid.selector, 0));
        new TieredMargin(MarginParams(LTV, LT, CLOSE_FACTOR, BONUS), b);
        b[0] = HealthBand(0.95e18, 1e18, 0.3e18); // 0.8 x 1.3 >= 1
        b[1] = HealthBand(0.9e18, 1e18, 0.05e18);
        vm.expectRevert(abi.encodeWithSelector(Errors.BonusTooLargeForThreshold.selector, 0.3e18, LT));
        new TieredMargin(MarginParams(LTV, LT, CLOSE_FACTOR, BONUS), b);
        HealthBand[] memory five = new HealthBand[](5);
        vm.expectRevert(abi.encodeWithSelector(Errors.HealthBandsInvalid.selector, 5));
        new TieredMargin(MarginParams(LTV, LT, CLOSE_FACTOR, BONUS), five);
    }

    function test_bind_onceAndOnlyByTheDeployer() public {
        vm.expectRevert(Errors.MarginModelBindRefused.selector);
        tiered.bind(ILendingMarket(address(market)));
        TieredMargin other = new TieredMargin(MarginParams(LTV, LT, CLOSE_FACTOR, BONUS), _bands());
        vm.prank(BORROWER);
        vm.expectRevert(Errors.MarginModelBindRefused.selector);
        other.bind(ILendingMarket(address(market)));
        MarginParams memory p = other.params(BORROWER, 10 * C);
        assertEq(p.closeFactor, CLOSE_FACTOR, "unbound: the base close factor");
    }

    function test_params_pickTheBandOfTheHealthFactor() public {
        // 1.067: base
        MarginParams memory p = _params();
        assertEq(p.closeFactor, CLOSE_FACTOR, "healthy: base close factor");
        assertEq(p.liquidationBonus, BONUS, "healthy: base bonus");
        // 0.96 at 1800: liquidatable, still above 0.95: base
        vm.warp(block.timestamp + 12);
        _setPrice(1800e8);
        assertEq(market.healthFactor(BORROWER) / 1e16, 95, "health 0.96, rounded down to 0.95..0.96");
        assertEq(_params().closeFactor, CLOSE_FACTOR, "0.96: base");
        // 0.9 at 1687.5: Aave's band
        _setPrice(1687e8);
        p = _params();
        assertEq(p.closeFactor, 1e18, "below 0.95: everything may be repaid");
        assertEq(p.liquidationBonus, 0.05e18, "below 0.95: the band's bonus");
        // 0.8 at 1500: the deeper band
        _setPrice(1500e8);
        p = _params();
        assertEq(p.closeFactor, 1e18, "below 0.85: full close");
        assertEq(p.liquidationBonus, 0.08e18, "below 0.85: the deeper band's bonus");
        assertEq(p.liquidationThreshold, LT, "the threshold never changes");
    }

    function test_liquidate_belowTheBand_repaysTheWholeDebtWhereTheBaseAllowsHalf() public {
        vm.warp(block.timestamp + 12);
        _setPrice(1687e8); // health 0.9
        uint256 debt = market.debtOf(BORROWER);
        vm.prank(LIQUIDATOR);
        (uint256 repaid,,) = market.liquidate(BORROWER, type(uint256).max);
        assertEq(market.debtOf(BORROWER), 0, "closed in one liquidation");
        assertEq(repaid, debt, "repaid the whole debt");
    }

    function test_liquidate_aboveTheBand_repaysAtMostTheBaseCloseFactor() public {
        vm.warp(block.timestamp + 12);
        _setPrice(1800e8); // health 0.96
        uint256 debt = market.debtOf(BORROWER);
        vm.prank(LIQUIDATOR);
        (uint256 repaid,,) = market.liquidate(BORROWER, type(uint256).max);
        assertLe(repaid, debt / 2 + 1, "at most half the debt");
        assertGe(repaid, debt / 2 - 1, "half the debt");
    }
}
