// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Errors} from "../../src/libraries/Errors.sol";
import {DynamicMargin, DynamicMarginConfig} from "../../src/margin/DynamicMargin.sol";
import {MarginParams} from "../../src/margin/IMarginModel.sol";
import {PushFeed} from "../../src/oracle/PushFeed.sol";
import {TestToken} from "../../src/tokens/TestToken.sol";
import {MockUniswapV2Pair} from "../mocks/MockUniswapV2Pair.sol";
import {BaseTest} from "../utils/BaseTest.sol";
import {DynamicMarginConfigs} from "./DynamicMarginConfigs.sol";

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
        _setReserves(1000e18, 2_000_000e6);
    }

    function _setReserves(uint112 collateral, uint112 loan) internal {
        if (pair.token0() == address(weth)) pair.setReserves(collateral, loan);
        else pair.setReserves(loan, collateral);
    }

    function _config() internal view returns (DynamicMarginConfig memory) {
        return DynamicMarginConfigs.standard(address(feed), address(pair), address(weth), address(this), 0.1e18);
    }

    /// @dev Pushes `answer` and pokes in the next block.
    function _roundNextBlock(DynamicMargin m, int256 answer) internal {
        feed.pushAnswer(answer);
        vm.roll(block.number + 1);
        m.poke();
    }

    function test_params_startAtMaxThresholdWithoutHaircutBeforePoke() public {
        DynamicMargin m = new DynamicMargin(_config());
        MarginParams memory p = m.params(address(1), 10e18);
        assertEq(p.liquidationThreshold, 0.85e18, "no answer consumed yet: no haircut");
        assertEq(p.initialLtv, 0.8e18, "ltv = threshold - gap");
        assertEq(p.liquidationBonus, 0.05e18, "min bonus at zero vol");
        assertEq(p.closeFactor, 0.5e18, "close factor");
        assertEq(m.depth(), 2_000_000e6, "depth starts at the loan reserve");
    }

    function test_poke_ignoresSameRoundTwice() public {
        DynamicMargin m = new DynamicMargin(_config());
        _roundNextBlock(m, 2000e8);
        _roundNextBlock(m, 1800e8);
        uint256 variance = m.variance();
        vm.roll(block.number + 1);
        assertTrue(!m.poke(), "same round ignored");
        assertEq(m.variance(), variance, "variance unchanged");
    }

    function test_poke_revertsWhenCallerIsNotKeeper() public {
        DynamicMargin m = new DynamicMargin(_config());
        vm.prank(address(0xBEEF));
        vm.expectRevert(abi.encodeWithSelector(Errors.CallerIsNotKeeper.selector, address(0xBEEF)));
        m.poke();
    }

    function test_poke_volatilityLowersThresholdOneStepPerBlock() public {
        DynamicMargin m = new DynamicMargin(_config());
        _roundNextBlock(m, 2000e8);
        _roundNextBlock(m, 1800e8); // r = 10%: var = 0.1 x 0.01 = 0.001, sigma ~ 3.16%
        assertEq(m.variance(), 0.001e18, "EWMA variance");
        uint256 target = m.targetThreshold();
        assertApproxEqAbs(target, 0.85e18 - 2 * m.sigma(), 1, "target = max - sensitivity x sigma");
        assertEq(m.globalThreshold(), 0.84e18, "moved one step in one block");
        m.poke();
        assertEq(m.globalThreshold(), 0.84e18, "no second move in the same block");
        for (uint256 i; i < 6; ++i) {
            vm.roll(block.number + 1);
            m.poke();
        }
        assertEq(m.globalThreshold(), target, "reaches target one step per block");
        assertGt(m.params(address(1), 0).liquidationBonus, 0.05e18, "bonus rises with volatility");
    }

    /// @dev The reviewer's case: 50 calm blocks of pokes without a new round, then a -10% round.
    function test_poke_idleBlocksDoNotAccumulateSteps() public {
        DynamicMargin m = new DynamicMargin(_config());
        _roundNextBlock(m, 2000e8);
        for (uint256 i; i < 50; ++i) {
            vm.roll(block.number + 1);
            m.poke();
        }
        _roundNextBlock(m, 1800e8);
        assertEq(m.globalThreshold(), 0.85e18 - 0.01e18, "one step, not 51");
    }

    function test_poke_blocksWithoutPokeDoNotAccumulateSteps() public {
        DynamicMargin m = new DynamicMargin(_config());
        _roundNextBlock(m, 2000e8);
        feed.pushAnswer(1800e8);
        vm.roll(block.number + 50);
        m.poke();
        assertEq(m.globalThreshold(), 0.84e18, "one step after a 50-block gap");
    }

    function test_poke_bonusMovesOneStepPerBlock() public {
        DynamicMargin m = new DynamicMargin(_config());
        _roundNextBlock(m, 2000e8);
        _roundNextBlock(m, 1000e8); // r capped at 25%: sigma ~ 7.9%, target bonus 0.05 + 0.5 x 0.079
        assertGt(m.targetBonus(), 0.08e18, "target bonus rose");
        assertEq(m.bonus(), 0.055e18, "bonus moved one step");
        assertEq(m.params(address(1), 0).liquidationBonus, 0.055e18, "params answer the limited bonus");
    }

    /// @dev The reviewer's attack: one spot round 10x off, then 40 honest rounds.
    function test_poke_oneManipulatedRoundIsBounded() public {
        DynamicMargin m = new DynamicMargin(_config());
        _roundNextBlock(m, 2000e8);
        _roundNextBlock(m, 20_000e8);
        assertLe(m.variance(), 0.1e18 * 0.25e18 / 1e18 * 0.25e18 / 1e18, "one round adds at most (1-l) x cap^2");
        _roundNextBlock(m, 2000e8);
        for (uint256 i; i < 40; ++i) {
            _roundNextBlock(m, 2000e8 + int256(i % 2) * 1e8);
        }
        assertGt(m.globalThreshold(), 0.8e18, "40 honest rounds later the threshold is far above its floor");
        assertLt(m.bonus(), 0.075e18, "and the bonus far below its cap");
    }

    function test_poke_oneReserveReadingMovesDepthBoundedly() public {
        DynamicMargin m = new DynamicMargin(_config());
        _setReserves(10e18, 200_000_000e6);
        _roundNextBlock(m, 2000e8);
        assertEq(m.depth(), 2_200_000e6, "reading counted as at most 2x: 0.9 x 2M + 0.1 x 4M");
        _setReserves(1000e18, 1e6);
        _roundNextBlock(m, 2001e8);
        assertEq(m.depth(), 2_090_000e6, "reading counted as at least half: 0.9 x 2.2M + 0.1 x 1.1M");
    }

    /// @dev Liquidators dump collateral: the collateral reserve grows, the loan reserve drains.
    function test_depthHaircut_tightensAsForcedSellingDrainsTheLoanSide() public {
        DynamicMargin m = new DynamicMargin(_config());
        _roundNextBlock(m, 2000e8);
        uint256 before = m.depthHaircut(100e18);
        _setReserves(1400e18, 1_430_000e6);
        _roundNextBlock(m, 2000e8);
        assertLt(m.depth(), 2_000_000e6, "depth fell with the loan reserve");
        assertGt(m.depthHaircut(100e18), before, "haircut tightened");
    }

    function test_params_bigPositionsGetDepthHaircut() public {
        DynamicMargin m = new DynamicMargin(_config());
        _roundNextBlock(m, 2000e8);
        uint256 small = m.params(address(1), 1e18).liquidationThreshold;
        uint256 big = m.params(address(1), 1000e18).liquidationThreshold;
        assertLt(big, small, "bigger position, lower threshold");
        assertEq(big, 0.75e18, "haircut capped at 10%");
        assertEq(m.depthHaircut(1000e18), 0.1e18, "0.5 x 50% impact, capped");
    }

    function test_params_neverBelowMinimum() public {
        DynamicMargin m = new DynamicMargin(_config());
        _roundNextBlock(m, 2000e8);
        int256 price = 2000e8;
        for (uint256 i; i < 40; ++i) {
            price = price * 3 / 4;
            _roundNextBlock(m, price);
        }
        assertEq(m.params(address(1), 1000e18).liquidationThreshold, 0.6e18, "floored at min");
    }

    /// @dev Issue item: with a high sensitivity, 333 WETH supported less debt than 300 WETH.
    function testFuzz_params_addingCollateralNeverLowersCapacityOrHealth(
        uint256 collateral,
        uint256 topUp,
        uint256 sensitivity,
        uint256 price
    ) public {
        DynamicMarginConfig memory c = _config();
        c.maxDepthHaircut = 0.25e18;
        c.depthSensitivity = bound(sensitivity, 0, c.minLiquidationThreshold - c.ltvGap);
        DynamicMargin m = new DynamicMargin(c);
        _roundNextBlock(m, int256(bound(price, 100e8, 10_000e8)));
        collateral = bound(collateral, 1e15, 100_000e18);
        topUp = bound(topUp, collateral / 1e6 + 1, 10 * collateral);
        MarginParams memory before = m.params(address(1), collateral);
        MarginParams memory afterTopUp = m.params(address(1), collateral + topUp);
        assertGe(
            (collateral + topUp) * afterTopUp.liquidationThreshold,
            collateral * before.liquidationThreshold,
            "collateral x threshold (health) never falls"
        );
        assertGe(
            (collateral + topUp) * afterTopUp.initialLtv, collateral * before.initialLtv, "borrowing capacity never falls"
        );
    }

    function test_constructor_revertsWhenDepthSensitivityCouldLowerCapacity() public {
        DynamicMarginConfig memory c = _config();
        c.depthSensitivity = 0.56e18;
        vm.expectRevert(abi.encodeWithSelector(Errors.DepthSensitivityTooHigh.selector, 0.56e18, 0.55e18));
        new DynamicMargin(c);
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

    function test_constructor_revertsOnZeroReturnCap() public {
        DynamicMarginConfig memory c = _config();
        c.maxReturnPerRound = 0;
        vm.expectRevert(abi.encodeWithSelector(Errors.ReturnCapOutOfRange.selector, 0));
        new DynamicMargin(c);
    }

    function test_constructor_revertsWithoutKeeper() public {
        DynamicMarginConfig memory c = _config();
        c.keeper = address(0);
        vm.expectRevert(Errors.AddressIsZero.selector);
        new DynamicMargin(c);
    }
}
