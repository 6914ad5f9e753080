// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Errors} from "../../src/libraries/Errors.sol";
import {UniV2SpotFeed} from "../../src/oracle/UniV2SpotFeed.sol";
import {UniV2TwapFeed} from "../../src/oracle/UniV2TwapFeed.sol";
import {TestToken} from "../../src/tokens/TestToken.sol";
import {MockUniswapV2Pair} from "../mocks/MockUniswapV2Pair.sol";
import {BaseTest} from "../utils/BaseTest.sol";

contract UniV2FeedsTest is BaseTest {
    uint256 internal constant T0 = 1_710_000_000; // a multiple of the 300 s period

    TestToken internal weth;
    TestToken internal usdc;
    MockUniswapV2Pair internal pair;

    function setUp() public {
        vm.warp(T0);
        weth = new TestToken("WETH", "WETH", 18, address(this));
        usdc = new TestToken("USDC", "USDC", 6, address(this));
        pair = new MockUniswapV2Pair(address(weth), address(usdc));
    }

    /// @dev Sets reserves for `wethAmount` WETH against `usdcAmount` USDC whatever the token order.
    function _setReserves(uint256 wethAmount, uint256 usdcAmount) internal {
        if (pair.token0() == address(weth)) pair.setReserves(uint112(wethAmount), uint112(usdcAmount));
        else pair.setReserves(uint112(usdcAmount), uint112(wethAmount));
    }

    function test_spot_pricesCollateralInLoanWithBothDecimals() public {
        _setReserves(100e18, 200_000e6);
        (, int256 wethInUsdc,,,) = new UniV2SpotFeed(address(pair), address(weth)).latestRoundData();
        assertEq(wethInUsdc, int256(2000e8), "USDC per WETH, 8 decimals");
        (, int256 usdcInWeth,,,) = new UniV2SpotFeed(address(pair), address(usdc)).latestRoundData();
        assertEq(usdcInWeth, int256(0.0005e8), "WETH per USDC, 8 decimals (other token order)");
    }

    function test_spot_isFreshEveryBlock() public {
        _setReserves(100e18, 200_000e6);
        UniV2SpotFeed feed = new UniV2SpotFeed(address(pair), address(weth));
        vm.roll(777);
        (uint80 roundId,,, uint256 updatedAt,) = feed.latestRoundData();
        assertEq(uint256(roundId), 777, "round = block");
        assertEq(updatedAt, block.timestamp, "updated now");
        feed.getRoundData(777);
        vm.expectRevert(abi.encodeWithSelector(Errors.RoundNotFound.selector, uint80(776)));
        feed.getRoundData(776);
    }

    function test_spot_revertsOnEmptyPair() public {
        UniV2SpotFeed feed = new UniV2SpotFeed(address(pair), address(weth));
        vm.expectRevert(Errors.PairHasNoLiquidity.selector);
        feed.latestRoundData();
    }

    function test_constructor_revertsForTokenNotInPair() public {
        vm.expectRevert(abi.encodeWithSelector(Errors.TokenNotInPair.selector, address(this)));
        new UniV2SpotFeed(address(pair), address(this));
    }

    function test_twap_constructorRevertsOnBadWindow() public {
        vm.expectRevert(abi.encodeWithSelector(Errors.TwapWindowInvalid.selector, 601, 2));
        new UniV2TwapFeed(address(pair), address(weth), 601, 2);
    }

    function test_twap_revertsBeforeAnyObservation() public {
        _setReserves(100e18, 200_000e6);
        UniV2TwapFeed feed = new UniV2TwapFeed(address(pair), address(weth), 600, 2);
        vm.expectRevert(Errors.TwapObservationMissing.selector);
        feed.latestRoundData();
        feed.poke();
        vm.expectRevert(Errors.TwapObservationMissing.selector);
        feed.latestRoundData();
    }

    function test_twap_averagesOverTheWindow() public {
        _setReserves(100e18, 200_000e6);
        UniV2TwapFeed feed = new UniV2TwapFeed(address(pair), address(weth), 600, 2);
        assertTrue(feed.poke(), "genesis recorded");
        assertTrue(!feed.poke(), "one observation per period");
        vm.warp(T0 + 300);
        _setReserves(100e18, 100_000e6);
        assertTrue(feed.poke(), "second observation");
        vm.warp(T0 + 450);
        (uint80 roundId, int256 answer, uint256 startedAt, uint256 updatedAt,) = feed.latestRoundData();
        // 300 s at 2000 and 150 s at 1000 since the genesis observation.
        assertApproxEqAbs(uint256(answer), uint256(5000e8) / 3, 1, "time-weighted average");
        assertEq(uint256(roundId), 2, "round = observation count");
        assertEq(startedAt, T0, "window start");
        assertEq(updatedAt, T0 + 300, "updatedAt = last observation");
        vm.warp(T0 + 600);
        (, answer,,,) = feed.latestRoundData();
        assertApproxEqAbs(uint256(answer), 1000e8, 1, "oldest slot is now the T0+300 observation");
    }

    function test_twap_pricesTheOtherTokenOrder() public {
        _setReserves(100e18, 200_000e6);
        UniV2TwapFeed feed = new UniV2TwapFeed(address(pair), address(usdc), 600, 2);
        feed.poke();
        vm.warp(T0 + 60);
        (, int256 answer,,,) = feed.latestRoundData();
        assertApproxEqAbs(uint256(answer), 0.0005e8, 1, "WETH per USDC");
    }
}
