// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {AggregatorV3Interface} from "../../src/interfaces/AggregatorV3Interface.sol";
import {DelayedFeed} from "../../src/oracle/DelayedFeed.sol";
import {MedianFeed} from "../../src/oracle/MedianFeed.sol";
import {PushFeed} from "../../src/oracle/PushFeed.sol";
import {BaseTest} from "../utils/BaseTest.sol";

/// @notice Drives the composed oracle of a `median` scenario with a delay: three push sources, a
///         MedianFeed over them with a 10% guard, a one-hour DelayedFeed over the median. A source moves
///         to within 12% of the median's answer (and [100, 10000]: a frozen median gets its sources back), time passes by 1 s to 2 h, the keeper pokes both feeds
///         in order, and a jump moves every source 15-50% from the median's answer, pokes, moves them back
///         within 3% and pokes again (so every run reaches both a guarded and an accepted update). Ghost variables record what the feeds must have answered.
contract OracleHandler is BaseTest {
    uint256 public constant HOP = 3600;

    PushFeed[3] public sources;
    MedianFeed public immutable median;
    DelayedFeed public immutable delayed;

    /// @dev The median's answer at the last and at the one-before-last successful delayed poke.
    int256 public queuedAtLastPoke;
    int256 public queuedAtPreviousPoke;
    uint256 public delayedPublishes;
    uint256 public earlyPokesRefused;
    uint256 public publishesWithinOneHop;
    uint256 public lastPublishAt;
    uint256 public medianAccepted;
    uint256 public medianGuarded;
    uint256 public medianMovesPastTheGuard;
    uint256 public medianOutsideTheSources;

    constructor() {
        AggregatorV3Interface[] memory feeds = new AggregatorV3Interface[](3);
        for (uint256 i; i < 3; ++i) {
            sources[i] = new PushFeed(8, "source", address(this));
            sources[i].pushAnswer(2000e8);
            feeds[i] = sources[i];
        }
        median = new MedianFeed(feeds, 0.1e18);
        median.poke();
        delayed = new DelayedFeed(median, HOP);
        delayed.poke();
        (, queuedAtLastPoke,,,) = median.latestRoundData();
        queuedAtPreviousPoke = queuedAtLastPoke;
        lastPublishAt = block.timestamp;
        delayedPublishes = 1;
    }

    function movePrice(uint256 which, uint256 seed) external {
        PushFeed s = sources[which % 3];
        (, int256 answer,,,) = median.latestRoundData();
        uint256 next = uint256(answer) * (8800 + bound(seed, 0, 2400)) / 10_000;
        s.pushAnswer(int256(bound(next, 100e8, 10_000e8)));
    }

    function passTime(uint256 seed) external {
        vm.warp(block.timestamp + bound(seed, 1, 2 hours));
        vm.roll(block.number + 1);
    }

    function jump(uint256 seed) external {
        (, int256 last,,,) = median.latestRoundData();
        uint256 factor = bound(seed, 0, 7000);
        factor = factor < 3500 ? 5000 + factor : 11_500 + factor - 3500;
        for (uint256 i; i < 3; ++i) sources[i].pushAnswer(int256(uint256(last) * factor / 10_000));
        _poke();
        // The flash crash reverts within the guard: the next poke must accept.
        for (uint256 i; i < 3; ++i) sources[i].pushAnswer(int256(uint256(last) * (9700 + 200 * i) / 10_000));
        _poke();
    }

    function poke() external {
        _poke();
    }

    function _poke() internal {
        (, int256 before,,,) = median.latestRoundData();
        uint256 lo = type(uint256).max;
        uint256 hi;
        for (uint256 i; i < 3; ++i) {
            (, int256 a,,,) = sources[i].latestRoundData();
            if (uint256(a) < lo) lo = uint256(a);
            if (uint256(a) > hi) hi = uint256(a);
        }
        if (median.poke()) {
            ++medianAccepted;
            (, int256 accepted,,,) = median.latestRoundData();
            uint256 move = accepted > before ? uint256(accepted - before) : uint256(before - accepted);
            if (move * 10 > uint256(before)) ++medianMovesPastTheGuard;
            if (uint256(accepted) < lo || uint256(accepted) > hi) ++medianOutsideTheSources;
        } else {
            ++medianGuarded;
        }
        bool due = delayed.pass();
        if (delayed.poke()) {
            ++delayedPublishes;
            if (block.timestamp - block.timestamp % HOP < lastPublishAt - lastPublishAt % HOP + HOP) ++publishesWithinOneHop;
            lastPublishAt = block.timestamp;
            queuedAtPreviousPoke = queuedAtLastPoke;
            (, queuedAtLastPoke,,,) = median.latestRoundData();
        } else if (!due) {
            ++earlyPokesRefused;
        }
    }
}

contract OracleInvariantsTest is BaseTest {
    struct FuzzSelector {
        address addr;
        bytes4[] selectors;
    }

    OracleHandler internal handler;

    function setUp() public {
        vm.warp(1_700_000_000);
        vm.roll(100);
        handler = new OracleHandler();
    }

    function targetContracts() public view returns (address[] memory targets) {
        targets = new address[](1);
        targets[0] = address(handler);
    }

    function targetSelectors() public view returns (FuzzSelector[] memory targets) {
        bytes4[] memory selectors = new bytes4[](4);
        selectors[0] = OracleHandler.movePrice.selector;
        selectors[1] = OracleHandler.passTime.selector;
        selectors[2] = OracleHandler.poke.selector;
        selectors[3] = OracleHandler.jump.selector;
        targets = new FuzzSelector[](1);
        targets[0] = FuzzSelector(address(handler), selectors);
    }

    /// OR_INV_A: the delayed answer is always the value its source answered at the previous successful
    /// poke (the first poke's own value until a second poke), so the market sees the price one hop late.
    function invariant_delayedAnswerIsTheSourceValueOneHopEarlier() public view {
        (, int256 answer,,,) = handler.delayed().latestRoundData();
        assertEq(answer, handler.queuedAtPreviousPoke(), "OR_INV_A: delayed answer = source value at the previous poke");
        assertEq(handler.delayed().next(), handler.queuedAtLastPoke(), "OR_INV_A: next = source value at the last poke");
    }

    /// OR_INV_B: the delayed feed publishes at most once per hop, however often it is poked.
    function invariant_delayedFeedPublishesAtMostOncePerHop() public view {
        assertEq(handler.publishesWithinOneHop(), 0, "OR_INV_B: at most one publish per hop");
    }

    /// OR_INV_C: an accepted median moves at most maxDeviation from the previous accepted answer and lies
    /// within the range of the sources' answers at the poke.
    function invariant_acceptedMedianStaysWithinTheGuardAndTheSources() public view {
        assertEq(handler.medianMovesPastTheGuard(), 0, "OR_INV_C: accepted moves within the guard");
        assertEq(handler.medianOutsideTheSources(), 0, "OR_INV_C: the median lies within its sources");
    }

    /// Every run must reach what the invariants guard: publishes after the first, refused early pokes,
    /// and median updates both accepted and guarded.
    function afterInvariant() public view {
        assertGt(handler.delayedPublishes(), 1, "campaign never published a delayed value");
        assertGt(handler.earlyPokesRefused(), 0, "campaign never poked within a hop");
        assertGt(handler.medianAccepted(), 0, "campaign never accepted a median");
        assertGt(handler.medianGuarded(), 0, "campaign never hit the guard");
    }
}
