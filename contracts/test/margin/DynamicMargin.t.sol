// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Errors} from "../../src/libraries/Errors.sol";
import {DynamicMargin, DynamicMarginConfig} from "../../src/margin/DynamicMargin.sol";
import {MarginParams} from "../../src/margin/IMarginModel.sol";
import {PushFeed} from "../../src/oracle/PushFeed.sol";
import {TestToken} from "../../src/tokens/TestToken.sol";
import {MockUniswapV2Pair} from "../mocks/MockUniswapV2Pair.sol";
import {BaseTest} from "../utils/BaseTest.sol";

contract DynamicMarginTest is BaseTest {
    PushFeed internal feed;
    TestToken internal weth;
    TestToken internal usdc;
    MockUniswapV2Pair internal pair;

    function setUp() public {
        vm.warp(1_700_000_000);
        vm.roll(100);
        feed = new PushFeed(8, "WETH / USDC", address(this));
        weth = new TestToken("WETH", "WETH", 18, address(this));
        usdc = new TestToken("USDC", "USDC", 6, address(this));
        pair = new MockUniswapV2Pair(address(weth), address(usdc));
        if (pair.token0() == address(weth)) pair.setReserves(1000e18, 2_000_000e6);
        else pair.setReserves(2_000_000e6, 1000e18);
    }

    function _config() internal view returns (DynamicMarginConfig memory) {
        return DynamicMarginConfig({
            feed: address(feed),
            pair: address(pair),
            collateralToken: address(weth),
            minLiquidationThreshold: 0.6e18,
            maxLiquidationThreshold: 0.85e18,
            volSensitivity: 2e18,
            ltvGap: 0.05e18,
            closeFactor: 0.5e18,
            minBonus: 0.05e18,
            maxBonus: 0.1e18,
            bonusVolSensitivity: 0.5e18,
            ewmaDecay: 0.9e18,
            maxThresholdStepPerBlock: 0.01e18,
            depthSensitivity: 0.5e18,
            maxDepthHaircut: 0.1e18
        });
    }


    function test_params_startAtMaxThresholdWithoutHaircutBeforePoke() public {
        DynamicMargin m = new DynamicMargin(_config());
        MarginParams memory p = m.params(address(1), 10e18);
        assertEq(p.liquidationThreshold, 0.85e18, "no depth known yet: no haircut");
        assertEq(p.initialLtv, 0.8e18, "ltv = threshold - gap");
        assertEq(p.liquidationBonus, 0.05e18, "min bonus at zero vol");
        assertEq(p.closeFactor, 0.5e18, "close factor");
    }

    function test_poke_ignoresSameRoundTwice() public {
        DynamicMargin m = new DynamicMargin(_config());
        feed.pushAnswer(2000e8);
        vm.roll(101);
        assertTrue(m.poke(), "first round consumed");
        feed.pushAnswer(1800e8);
        vm.roll(102);
        assertTrue(m.poke(), "second round consumed");
        uint256 variance = m.variance();
        vm.roll(103);
        assertTrue(!m.poke(), "same round ignored");
        assertEq(m.variance(), variance, "variance unchanged");
    }

    function test_poke_volatilityLowersThresholdWithinPerBlockLimit() public {
        DynamicMargin m = new DynamicMargin(_config());
        feed.pushAnswer(2000e8);
        vm.roll(101);
        m.poke();
        feed.pushAnswer(1800e8); // r = 10%: var = 0.1 x 0.01 = 0.001, sigma ~ 3.16%
        vm.roll(102);
        m.poke();
        assertEq(m.variance(), 0.001e18, "EWMA variance");
        uint256 target = m.targetThreshold();
        assertApproxEqAbs(target, 0.85e18 - 2 * m.sigma(), 1, "target = max - sensitivity x sigma");
        assertEq(m.globalThreshold(), 0.84e18, "moved one step in one block");
        m.poke();
        assertEq(m.globalThreshold(), 0.84e18, "no second move in the same block");
        vm.roll(112);
        m.poke();
        assertEq(m.globalThreshold(), target, "reaches target after enough blocks");
        MarginParams memory p = m.params(address(1), 0);
        assertGt(p.liquidationBonus, 0.05e18, "bonus rises with volatility");
    }

    function test_params_bigPositionsGetDepthHaircut() public {
        DynamicMargin m = new DynamicMargin(_config());
        feed.pushAnswer(2000e8);
        vm.roll(101);
        m.poke();
        assertEq(m.depth(), 1000e18, "first depth = reserve");
        uint256 small = m.params(address(1), 1e18).liquidationThreshold;
        uint256 big = m.params(address(1), 1000e18).liquidationThreshold;
        assertLt(big, small, "bigger position, lower threshold");
        assertEq(big, 0.75e18, "haircut capped at 10%");
        assertEq(m.depthHaircut(1000e18), 0.1e18, "0.5 x 50% impact, capped");
    }

    function test_params_neverBelowMinimum() public {
        DynamicMargin m = new DynamicMargin(_config());
        feed.pushAnswer(2000e8);
        vm.roll(101);
        m.poke();
        feed.pushAnswer(200e8);
        vm.roll(10_000);
        m.poke();
        assertEq(m.params(address(1), 1000e18).liquidationThreshold, 0.6e18, "floored at min");
    }

    function test_constructor_revertsOnInvertedBounds() public {
        DynamicMarginConfig memory c = _config();
        c.minLiquidationThreshold = 0.9e18;
        vm.expectRevert(abi.encodeWithSelector(Errors.BoundsInverted.selector, 0.9e18, 0.85e18));
        new DynamicMargin(c);
    }

    function test_constructor_revertsWhenMaxBonusTooLarge() public {
        DynamicMarginConfig memory c = _config();
        c.maxBonus = 0.2e18;
        vm.expectRevert(abi.encodeWithSelector(Errors.BonusTooLargeForThreshold.selector, 0.2e18, 0.85e18));
        new DynamicMargin(c);
    }

    function test_constructor_revertsOnDecayOfOne() public {
        DynamicMarginConfig memory c = _config();
        c.ewmaDecay = 1e18;
        vm.expectRevert(abi.encodeWithSelector(Errors.EwmaDecayOutOfRange.selector, 1e18));
        new DynamicMargin(c);
    }
}
