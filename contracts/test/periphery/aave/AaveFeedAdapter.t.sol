// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {AggregatorV3Interface} from "../../../src/interfaces/AggregatorV3Interface.sol";
import {Errors} from "../../../src/libraries/Errors.sol";
import {PushFeed} from "../../../src/oracle/PushFeed.sol";
import {AaveFeedAdapter} from "../../../src/periphery/aave/AaveFeedAdapter.sol";
import {BaseTest} from "../../utils/BaseTest.sol";

contract AaveFeedAdapterTest is BaseTest {
    PushFeed internal feed;
    AaveFeedAdapter internal adapter;

    function setUp() public {
        vm.warp(1_700_000_000);
        feed = new PushFeed(8, "WETH / USDC", address(this));
        adapter = new AaveFeedAdapter(feed);
    }

    function test_latestAnswer_followsEveryPush() public {
        feed.pushAnswer(2000e8);
        assertEq(adapter.latestAnswer(), int256(2000e8), "first round");
        vm.warp(block.timestamp + 12);
        feed.pushAnswer(1400e8);
        assertEq(adapter.latestAnswer(), int256(1400e8), "latest round");
        assertEq(adapter.latestTimestamp(), block.timestamp, "stamped at the push");
        assertEq(uint256(adapter.decimals()), 8, "feed decimals");
    }

    function test_latestAnswer_isZeroBeforeFirstPush() public view {
        assertEq(adapter.latestAnswer(), int256(0), "AaveOracle reads 0 as no price");
        assertEq(adapter.latestTimestamp(), 0, "no round yet");
    }

    function test_latestAnswer_passesNonPositiveAnswersThrough() public {
        feed.pushAnswer(-5);
        assertEq(adapter.latestAnswer(), int256(-5), "AaveOracle guards, not the adapter");
    }

    function test_constructor_revertsForZeroFeed() public {
        vm.expectRevert(abi.encodeWithSelector(Errors.AddressIsZero.selector));
        new AaveFeedAdapter(AggregatorV3Interface(address(0)));
    }
}
