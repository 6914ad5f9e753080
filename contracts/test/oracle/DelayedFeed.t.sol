// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {AggregatorV3Interface} from "../../src/interfaces/AggregatorV3Interface.sol";
import {Errors} from "../../src/libraries/Errors.sol";
import {DelayedFeed} from "../../src/oracle/DelayedFeed.sol";
import {PushFeed} from "../../src/oracle/PushFeed.sol";
import {BaseTest} from "../utils/BaseTest.sol";

contract DelayedFeedTest is BaseTest {
    event AnswerUpdated(int256 indexed current, uint256 indexed roundId, uint256 updatedAt);
    event NextQueued(int256 next, uint256 hopStart);

    uint256 internal constant HOP = 3600;
    uint256 internal constant T0 = 1_700_000_000 - (1_700_000_000 % HOP); // a hop boundary

    PushFeed internal source;
    DelayedFeed internal feed;

    function setUp() public {
        vm.warp(T0);
        source = new PushFeed(8, "source", address(this));
        source.pushAnswer(2000e8);
        feed = new DelayedFeed(source, HOP);
    }

    function _answer() internal view returns (int256 answer) {
        (, answer,,,) = feed.latestRoundData();
    }

    function test_constructor_revertsOnZeroSourceOrHop() public {
        vm.expectRevert(Errors.AddressIsZero.selector);
        new DelayedFeed(AggregatorV3Interface(address(0)), HOP);
        vm.expectRevert(Errors.DelayHopIsZero.selector);
        new DelayedFeed(source, 0);
    }

    function test_latestRoundData_isZeroBeforeFirstPoke() public view {
        (uint80 roundId, int256 answer,, uint256 updatedAt,) = feed.latestRoundData();
        assertEq(uint256(roundId) + uint256(answer) + updatedAt, 0, "all zero");
        assertEq(uint256(feed.decimals()), 8, "the source's decimals");
    }

    function test_poke_firstPokePublishesAndQueuesTheSourceValue() public {
        vm.expectEmit(true, true, false, true, address(feed));
        emit AnswerUpdated(2000e8, 1, T0);
        vm.expectEmit(false, false, false, true, address(feed));
        emit NextQueued(2000e8, T0);
        assertTrue(feed.poke(), "published");
        assertEq(_answer(), int256(2000e8), "warm start");
        assertEq(feed.next(), int256(2000e8), "queued");
    }

    function test_poke_publishesTheValueOfThePreviousHop() public {
        feed.poke();
        source.pushAnswer(1500e8); // the crash, right after the first poke
        vm.warp(T0 + HOP - 1);
        assertTrue(!feed.pass(), "hop not over");
        assertTrue(!feed.poke(), "too early: nothing changes");
        assertEq(_answer(), int256(2000e8), "still the first value");
        assertEq(feed.next(), int256(2000e8), "nothing queued");
        vm.warp(T0 + HOP);
        assertTrue(feed.poke(), "next hop");
        assertEq(_answer(), int256(2000e8), "the value queued one hop ago");
        assertEq(feed.next(), int256(1500e8), "the crash is queued");
        vm.warp(T0 + 2 * HOP + 5);
        feed.poke();
        (uint80 roundId, int256 answer,, uint256 updatedAt,) = feed.latestRoundData();
        assertEq(answer, int256(1500e8), "the crash, one hop late");
        assertEq(uint256(roundId), 3, "three rounds");
        assertEq(updatedAt, T0 + 2 * HOP + 5, "stamped at the publishing poke");
        (, int256 second,, uint256 secondAt,) = feed.getRoundData(2);
        assertEq(second, int256(2000e8), "history kept");
        assertEq(secondAt, T0 + HOP, "history time");
    }

    function test_poke_hopsAreAlignedToMultiplesOfTheHop() public {
        vm.warp(T0 + 3000);
        feed.poke();
        assertEq(feed.lastHopStart(), T0, "aligned down");
        vm.warp(T0 + HOP);
        assertTrue(feed.pass(), "the next boundary, 600 s later, opens the next hop");
    }

    function test_poke_changesNothingWhenTheSourceHasNoAnswer() public {
        PushFeed empty = new PushFeed(8, "empty", address(this));
        DelayedFeed delayed = new DelayedFeed(empty, HOP);
        assertTrue(!delayed.poke(), "zero answer refused");
        empty.pushAnswer(-5);
        assertTrue(!delayed.poke(), "negative answer refused");
        assertEq(uint256(delayed.latestRound()), 0, "nothing published");
        assertEq(delayed.lastHopStart(), 0, "hop not started");
    }

    function test_getRoundData_revertsForUnknownRound() public {
        vm.expectRevert(abi.encodeWithSelector(Errors.RoundNotFound.selector, uint80(1)));
        feed.getRoundData(1);
    }

    /// Whatever the source does between pokes, the answer after a hop is what it said at the previous poke.
    function testFuzz_poke_answerIsTheSourceValueOneHopEarlier(uint256 first, uint256 second, uint256 late) public {
        first = bound(first, 1, 1e30);
        second = bound(second, 1, 1e30);
        late = bound(late, 0, HOP - 1);
        source.pushAnswer(int256(first));
        feed.poke();
        source.pushAnswer(int256(second));
        vm.warp(T0 + HOP + late);
        feed.poke();
        source.pushAnswer(int256(first + second));
        assertEq(_answer(), int256(first), "the value at the previous poke");
        assertEq(feed.next(), int256(second), "the value at this poke, queued");
    }
}
