// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {AggregatorV3Interface} from "../../src/interfaces/AggregatorV3Interface.sol";
import {Errors} from "../../src/libraries/Errors.sol";
import {MedianFeed} from "../../src/oracle/MedianFeed.sol";
import {PushFeed} from "../../src/oracle/PushFeed.sol";
import {MedianLib} from "../../src/oracle/libraries/MedianLib.sol";
import {BaseTest} from "../utils/BaseTest.sol";

/// @notice A source that always reverts, as a TWAP feed does before its first observation.
contract RevertingFeed {
    function decimals() external pure returns (uint8) {
        return 8;
    }

    function latestRoundData() external pure returns (uint80, int256, uint256, uint256, uint80) {
        revert("no answer");
    }
}

contract MedianFeedTest is BaseTest {
    event AnswerUpdated(int256 indexed current, uint256 indexed roundId, uint256 updatedAt);
    event DeviationGuarded(uint256 median, uint256 previous);
    event QuorumMissed(uint256 usableSources, uint256 required);

    uint256 internal constant T0 = 1_700_000_000;
    PushFeed[] internal pushes;

    function setUp() public {
        vm.warp(T0);
    }

    /// @dev `n` push sources answering 2000, kept in `pushes`, and a median over them with a 10% guard.
    function _median(uint256 n) internal returns (MedianFeed feed) {
        AggregatorV3Interface[] memory sources = new AggregatorV3Interface[](n);
        for (uint256 i; i < n; ++i) {
            PushFeed p = new PushFeed(8, "source", address(this));
            p.pushAnswer(2000e8);
            pushes.push(p);
            sources[i] = p;
        }
        feed = new MedianFeed(sources, 0.1e18);
    }

    function _answer(MedianFeed feed) internal view returns (int256 answer) {
        (, answer,,,) = feed.latestRoundData();
    }

    function test_constructor_revertsOnEvenOrOutOfRangeSourceCounts() public {
        for (uint256 n; n <= 8; ++n) {
            if (n == 3 || n == 5 || n == 7) continue;
            AggregatorV3Interface[] memory sources = new AggregatorV3Interface[](n);
            vm.expectRevert(abi.encodeWithSelector(Errors.MedianSourceCountInvalid.selector, n));
            new MedianFeed(sources, 0.1e18);
        }
    }

    function test_constructor_revertsOnDecimalsMismatchAndBadGuard() public {
        AggregatorV3Interface[] memory sources = new AggregatorV3Interface[](3);
        sources[0] = new PushFeed(8, "a", address(this));
        sources[1] = new PushFeed(8, "b", address(this));
        sources[2] = new PushFeed(18, "c", address(this));
        vm.expectRevert(abi.encodeWithSelector(Errors.SourceDecimalsMismatch.selector, address(sources[2]), uint8(18), uint8(8)));
        new MedianFeed(sources, 0.1e18);
        sources[2] = sources[1];
        vm.expectRevert(abi.encodeWithSelector(Errors.MaxDeviationOutOfRange.selector, 0));
        new MedianFeed(sources, 0);
        vm.expectRevert(abi.encodeWithSelector(Errors.MaxDeviationOutOfRange.selector, 10e18 + 1));
        new MedianFeed(sources, 10e18 + 1);
    }

    function test_latestRoundData_isZeroBeforeFirstPoke() public {
        MedianFeed feed = _median(3);
        (uint80 roundId, int256 answer,, uint256 updatedAt,) = feed.latestRoundData();
        assertEq(uint256(roundId) + uint256(answer) + updatedAt, 0, "all zero");
    }

    function test_poke_publishesTheMedianStampedNow() public {
        MedianFeed feed = _median(3);
        pushes[0].pushAnswer(1990e8);
        pushes[2].pushAnswer(2100e8);
        vm.expectEmit(true, true, false, true, address(feed));
        emit AnswerUpdated(2000e8, 1, T0);
        assertTrue(feed.poke(), "accepted");
        (uint80 roundId, int256 answer,, uint256 updatedAt,) = feed.latestRoundData();
        assertEq(answer, int256(2000e8), "middle of 1990, 2000, 2100");
        assertEq(uint256(roundId), 1, "first round");
        assertEq(updatedAt, T0, "stamped now");
    }

    function test_poke_oneManipulatedSourceOfThreeDoesNotMoveTheAnswerOutsideTheHonestOnes() public {
        MedianFeed feed = _median(3);
        feed.poke();
        pushes[1].pushAnswer(1e8); // a spot source drained by a flash swap
        pushes[2].pushAnswer(1995e8);
        assertTrue(feed.poke(), "accepted");
        assertEq(_answer(feed), int256(1995e8), "median of 2000, 1, 1995");
    }

    function test_poke_keepsThePreviousAnswerWhenTheMedianJumpsPastTheGuard() public {
        MedianFeed feed = _median(3);
        feed.poke();
        vm.warp(T0 + 12);
        pushes[0].pushAnswer(1700e8);
        pushes[1].pushAnswer(1700e8);
        vm.expectEmit(false, false, false, true, address(feed));
        emit DeviationGuarded(1700e8, 2000e8);
        assertTrue(!feed.poke(), "a 15% move is refused");
        (uint80 roundId, int256 answer,, uint256 updatedAt,) = feed.latestRoundData();
        assertEq(answer, int256(2000e8), "previous answer kept");
        assertEq(uint256(roundId), 1, "no new round");
        assertEq(updatedAt, T0, "the kept answer ages");
        pushes[0].pushAnswer(1800e8);
        pushes[1].pushAnswer(1800e8);
        assertTrue(feed.poke(), "exactly 10% is accepted");
        assertEq(_answer(feed), int256(1800e8), "moved by the guard");
    }

    function test_poke_skipsRevertingAndNonPositiveSourcesButNeedsAMajority() public {
        AggregatorV3Interface[] memory sources = new AggregatorV3Interface[](3);
        PushFeed a = new PushFeed(8, "a", address(this));
        PushFeed b = new PushFeed(8, "b", address(this));
        a.pushAnswer(2000e8);
        b.pushAnswer(2010e8);
        sources[0] = a;
        sources[1] = b;
        sources[2] = AggregatorV3Interface(address(new RevertingFeed()));
        MedianFeed feed = new MedianFeed(sources, 0.1e18);
        assertTrue(feed.poke(), "two of three suffice");
        assertEq(_answer(feed), int256(2005e8), "mean of the two usable answers");
        b.pushAnswer(-1);
        vm.expectEmit(false, false, false, true, address(feed));
        emit QuorumMissed(1, 2);
        assertTrue(!feed.poke(), "one of three is no quorum");
        assertEq(_answer(feed), int256(2005e8), "answer kept");
    }

    function test_getRoundData_keepsHistoryAndRevertsForUnknownRounds() public {
        MedianFeed feed = _median(5);
        feed.poke();
        for (uint256 i; i < 3; ++i) pushes[i].pushAnswer(2100e8);
        vm.warp(T0 + 12);
        feed.poke();
        (, int256 first,, uint256 firstAt,) = feed.getRoundData(1);
        assertEq(first, int256(2000e8), "round 1");
        assertEq(firstAt, T0, "round 1 time");
        (, int256 second,,,) = feed.getRoundData(2);
        assertEq(second, int256(2100e8), "round 2: three of five moved");
        vm.expectRevert(abi.encodeWithSelector(Errors.RoundNotFound.selector, uint80(3)));
        feed.getRoundData(3);
        assertEq(feed.sourceCount(), 5, "sources");
        assertEq(address(feed.sourceAt(4)), address(pushes[4]), "source order kept");
        assertEq(uint256(feed.decimals()), 8, "decimals of the sources");
    }

    /// The median of 7 values is the 4th smallest, whatever their order.
    function testFuzz_medianDown_isTheMiddleOfTheSortedValues(uint256[7] memory raw) public pure {
        uint256[] memory values = new uint256[](7);
        for (uint256 i; i < 7; ++i) values[i] = bound(raw[i], 1, 1e36);
        uint256 median = MedianLib.medianDown(values);
        uint256 below;
        uint256 above;
        for (uint256 i; i < 7; ++i) {
            uint256 v = bound(raw[i], 1, 1e36);
            if (v < median) ++below;
            if (v > median) ++above;
            if (i > 0) assertLe(values[i - 1], values[i], "sorted in place");
        }
        assertEq(values[3], median, "the 4th smallest");
        assertLe(below, 3, "at most 3 below");
        assertLe(above, 3, "at most 3 above");
    }

    /// The mean of the two middle values of an even count, rounded down, without overflow.
    function testFuzz_medianDown_evenCountIsTheMeanOfTheMiddleTwo(uint256 a, uint256 b) public pure {
        uint256[] memory values = new uint256[](4);
        values[0] = 0;
        values[1] = a;
        values[2] = b;
        values[3] = type(uint256).max;
        uint256 lo = a < b ? a : b;
        uint256 hi = a < b ? b : a;
        uint256 median = MedianLib.medianDown(values);
        assertEq(median, lo + (hi - lo) / 2, "floor of the mean");
    }

    /// Whatever one source of three answers, an accepted answer lies between the two honest ones.
    function testFuzz_poke_oneSourceOfThreeCannotPushTheAnswerOutsideTheHonestRange(
        uint256 honestA,
        uint256 honestB,
        int256 manipulated
    ) public {
        MedianFeed feed = _median(3);
        honestA = bound(honestA, 1900e8, 2100e8);
        honestB = bound(honestB, 1900e8, 2100e8);
        pushes[0].pushAnswer(int256(honestA));
        pushes[1].pushAnswer(int256(honestB));
        pushes[2].pushAnswer(manipulated);
        assertTrue(feed.poke(), "the honest two are within the guard of nothing (first poke)");
        uint256 answer = uint256(_answer(feed));
        assertGe(answer, honestA < honestB ? honestA : honestB, "not below the honest range");
        assertLe(answer, honestA < honestB ? honestB : honestA, "not above the honest range");
    }

    /// An accepted update never moves the answer by more than the guard.
    function testFuzz_poke_acceptedMovesStayWithinTheGuard(uint256 next) public {
        MedianFeed feed = _median(3);
        feed.poke();
        next = bound(next, 1, 1e36);
        for (uint256 i; i < 3; ++i) pushes[i].pushAnswer(int256(next));
        bool accepted = feed.poke();
        uint256 answer = uint256(_answer(feed));
        uint256 move = answer > 2000e8 ? answer - 2000e8 : 2000e8 - answer;
        assertLe(move, 200e8, "within 10% of 2000");
        assertEq(accepted, next >= 1800e8 && next <= 2200e8, "accepted exactly within the guard");
    }
}
