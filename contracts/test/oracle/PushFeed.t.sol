// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Errors} from "../../src/libraries/Errors.sol";
import {PushFeed} from "../../src/oracle/PushFeed.sol";
import {BaseTest} from "../utils/BaseTest.sol";

contract PushFeedTest is BaseTest {
    address internal constant KEEPER = address(0x4EE9);
    PushFeed internal feed;

    function setUp() public {
        vm.warp(1_700_000_000);
        feed = new PushFeed(8, "WETH / USDC", KEEPER);
    }

    function test_latestRoundData_isZeroBeforeFirstPush() public view {
        (uint80 roundId, int256 answer,, uint256 updatedAt,) = feed.latestRoundData();
        assertEq(uint256(roundId) + uint256(answer) + updatedAt, 0, "all zero");
    }

    function test_pushAnswer_opensRoundsStampedNow() public {
        vm.prank(KEEPER);
        feed.pushAnswer(2000e8);
        vm.warp(block.timestamp + 12);
        vm.prank(KEEPER);
        feed.pushAnswer(1900e8);
        (uint80 roundId, int256 answer,, uint256 updatedAt, uint80 answeredIn) = feed.latestRoundData();
        assertEq(uint256(roundId), 2, "round id");
        assertEq(answer, int256(1900e8), "answer");
        assertEq(updatedAt, block.timestamp, "stamped now");
        assertEq(uint256(answeredIn), 2, "answered in round");
        (, int256 first,, uint256 firstAt,) = feed.getRoundData(1);
        assertEq(first, int256(2000e8), "history kept");
        assertEq(firstAt, block.timestamp - 12, "history time");
    }

    function test_pushAnswer_revertsForNonKeeper() public {
        vm.expectRevert(abi.encodeWithSelector(Errors.CallerIsNotKeeper.selector, address(this)));
        feed.pushAnswer(1);
    }

    function test_pushAnswer_acceptsNonPositiveAnswers() public {
        vm.prank(KEEPER);
        feed.pushAnswer(-3);
        (, int256 answer,,,) = feed.latestRoundData();
        assertEq(answer, int256(-3), "consumers must guard");
    }

    function test_getRoundData_revertsForUnknownRound() public {
        vm.expectRevert(abi.encodeWithSelector(Errors.RoundNotFound.selector, uint80(7)));
        feed.getRoundData(7);
    }

    function test_setKeeper_onlyOwner() public {
        feed.setKeeper(address(this));
        feed.pushAnswer(5);
        vm.prank(KEEPER);
        vm.expectRevert(abi.encodeWithSignature("OwnableUnauthorizedAccount(address)", KEEPER));
        feed.setKeeper(KEEPER);
    }

    function test_metadata() public view {
        assertEq(uint256(feed.decimals()), 8, "decimals");
        assertEq(feed.version(), 1, "version");
        assertTrue(keccak256(bytes(feed.description())) == keccak256("WETH / USDC"), "description");
    }
}
