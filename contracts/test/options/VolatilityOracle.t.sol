// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {AggregatorV3Interface} from "../../src/interfaces/AggregatorV3Interface.sol";
import {OptionErrors} from "../../src/options/OptionErrors.sol";
import {VolatilityOracle} from "../../src/options/VolatilityOracle.sol";
import {PushFeed} from "../../src/oracle/PushFeed.sol";
import {BaseTest} from "../utils/BaseTest.sol";

/// @notice EWMA realized volatility from feed rounds, and the keeper-set implied volatility.
contract VolatilityOracleTest is BaseTest {
    PushFeed internal feed;
    VolatilityOracle internal oracle;

    function setUp() public {
        vm.warp(1_700_000_000);
        feed = new PushFeed(8, "WETH / USDC", address(this));
        feed.pushAnswer(2000e8);
        oracle = new VolatilityOracle(AggregatorV3Interface(address(feed)), address(this), 0.94e18, 0.5e18, 0.1e18, 5e18);
        oracle.poke();
    }

    function test_initialVolatility_isTheSeed() public view {
        assertApproxEqAbs(oracle.volatility(), 0.5e18, 1e9, "seeded at 50%");
    }

    function test_poke_sameRound_isNoOp() public {
        assertTrue(!oracle.poke(), "nothing new");
    }

    function test_poke_crashRaisesRealizedVolatility() public {
        vm.warp(block.timestamp + 12);
        feed.pushAnswer(1800e8); // -10.5% in one 12 s block
        assertTrue(oracle.poke(), "new round consumed");
        // v = 0.94 v0 + 0.06 x ln(0.9)^2 / 12
        uint256 v0 = uint256(0.25e18) / 365 days;
        uint256 r2 = 11_100_838_259_683_056; // ln(0.9)^2 in WAD
        uint256 expected = v0 * 94 / 100 + (r2 / 12) * 6 / 100;
        assertApproxEqAbs(oracle.variancePerSecond(), expected, expected / 1e9, "EWMA of r^2 / dt");
        assertGt(oracle.volatility(), 5e18 - 1, "a 10% block crash pins volatility at the ceiling");
    }

    function test_poke_sameTimestampRound_isNotAnnualisedAsOneSecond() public {
        vm.warp(block.timestamp + 12);
        feed.pushAnswer(2000e8);
        oracle.poke();
        uint256 before = oracle.variancePerSecond();
        feed.pushAnswer(2002e8); // +0.1% in the same block: no time elapsed
        oracle.poke();
        assertEq(oracle.variancePerSecond(), before, "a round with no elapsed time moves nothing yet");
        assertLt(oracle.realizedVolatility(), 0.6e18, "not ~137% from a 0.1% move over a pretend 1 s");
        vm.warp(block.timestamp + 12);
        feed.pushAnswer(2002e8);
        oracle.poke();
        // folded into the next round with elapsed time: r = ln(2002 / 2000) over 12 s
        uint256 r2 = 999_000_915_834; // ln(1.001)^2 in WAD
        uint256 expected = before * 94 / 100 + (r2 / 12) * 6 / 100;
        assertApproxEqAbs(oracle.variancePerSecond(), expected, expected / 1e6, "the move is measured over the real 12 s");
    }

    function test_poke_quietRoundsDecay() public {
        for (uint256 i; i < 120; ++i) {
            vm.warp(block.timestamp + 1 hours);
            feed.pushAnswer(2000e8);
            oracle.poke();
        }
        assertLt(oracle.realizedVolatility(), 0.05e18, "flat prices decay realized volatility");
        assertEq(oracle.volatility(), 0.1e18, "floored at the minimum");
    }

    function test_impliedVolatility_takesTheMax() public {
        oracle.setImpliedVolatility(1.2e18);
        assertEq(oracle.volatility(), 1.2e18, "implied above realized wins");
        vm.prank(address(0xBAD));
        vm.expectRevert(abi.encodeWithSelector(OptionErrors.CallerIsNotVolatilityKeeper.selector, address(0xBAD)));
        oracle.setImpliedVolatility(0);
    }
}
