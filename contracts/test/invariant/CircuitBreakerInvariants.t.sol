// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {AggregatorV3Interface} from "../../src/interfaces/AggregatorV3Interface.sol";
import {CircuitBreaker} from "../../src/lending/CircuitBreaker.sol";
import {PushFeed} from "../../src/oracle/PushFeed.sol";
import {BaseTest} from "../utils/BaseTest.sol";

/// @notice Drives a CircuitBreaker (10% within 5 blocks, 8-block pause) over a push feed: the price
///         moves by -15% .. +15% at a time, blocks pass one to ten at a time, anyone pokes. After each
///         poke the handler checks, against every answer it saw poked in the window, what the breaker says.
contract CircuitBreakerHandler is BaseTest {
    uint256 public constant WINDOW = 5;

    PushFeed public immutable feed;
    CircuitBreaker public immutable breaker;

    uint256[] internal pokedBlock;
    uint256[] internal pokedAnswer;
    uint256 public lastPausedUntil;

    uint256 public unpausedWithAMoveInTheWindow;
    uint256 public pauseShortened;
    uint256 public pokesPaused;
    uint256 public pokesUnpaused;
    /// Handler calls this run (reported when a run misses a state).
    uint256 public calls;
    uint256 public crashes;

    constructor() {
        feed = new PushFeed(8, "WETH / USDC", address(this));
        feed.pushAnswer(2000e8);
        breaker = new CircuitBreaker(AggregatorV3Interface(address(feed)), 0.1e18, WINDOW, 8, false);
        poke();
    }

    function movePrice(uint256 seed) external {
        calls++;
        (, int256 answer,,,) = feed.latestRoundData();
        uint256 next = uint256(answer) * (8500 + bound(seed, 0, 3000)) / 10_000;
        feed.pushAnswer(int256(bound(next, 100e8, 100_000e8)));
    }

    /// @dev A fall of 11% .. 30% poked in the same block, so that every run reaches a paused breaker
    ///      whatever the fuzzer draws for movePrice; a no-op while paused, so that runs get out of a pause too.
    function crash(uint256 seed) external {
        calls++;
        crashes++;
        if (breaker.liquidationsPaused()) return;
        poke(); // the answer before the fall is in the window
        (, int256 answer,,,) = feed.latestRoundData();
        uint256 next = uint256(answer) * (7000 + bound(seed, 0, 1900)) / 10_000;
        feed.pushAnswer(int256(bound(next, 100e8, 100_000e8)));
        poke();
    }

    function passBlocks(uint256 seed) external {
        calls++;
        vm.roll(block.number + bound(seed, 1, 10));
    }

    function poke() public {
        bool paused = breaker.poke();
        (, int256 answer,,,) = feed.latestRoundData();
        if (pokedBlock.length > 0 && pokedBlock[pokedBlock.length - 1] == block.number) {
            pokedAnswer[pokedAnswer.length - 1] = uint256(answer);
        } else {
            pokedBlock.push(block.number);
            pokedAnswer.push(uint256(answer));
        }
        if (breaker.pausedUntil() < lastPausedUntil) pauseShortened++;
        lastPausedUntil = breaker.pausedUntil();
        if (paused) {
            pokesPaused++;
            return;
        }
        pokesUnpaused++;
        // Unpaused: no two answers seen within the window may be more than 10% apart in either direction.
        for (uint256 i = pokedBlock.length; i > 0; --i) {
            if (pokedBlock[i - 1] + WINDOW < block.number) break;
            for (uint256 j = i - 1; j > 0; --j) {
                if (pokedBlock[j - 1] + WINDOW < block.number) break;
                (uint256 earlier, uint256 later) = (pokedAnswer[j - 1], pokedAnswer[i - 1]);
                if ((later < earlier && earlier - later > earlier / 10) || (later > earlier && later - earlier > earlier / 10)) {
                    unpausedWithAMoveInTheWindow++;
                }
            }
        }
    }
}

contract CircuitBreakerInvariantsTest is BaseTest {
    struct FuzzSelector {
        address addr;
        bytes4[] selectors;
    }

    CircuitBreakerHandler internal handler;

    function setUp() public {
        vm.warp(1_700_000_000);
        vm.roll(100);
        handler = new CircuitBreakerHandler();
    }

    function targetContracts() public view returns (address[] memory targets) {
        targets = new address[](1);
        targets[0] = address(handler);
    }

    function targetSelectors() public view returns (FuzzSelector[] memory targets) {
        bytes4[] memory selectors = new bytes4[](4);
        selectors[0] = CircuitBreakerHandler.movePrice.selector;
        selectors[1] = CircuitBreakerHandler.passBlocks.selector;
        selectors[2] = CircuitBreakerHandler.poke.selector;
        selectors[3] = CircuitBreakerHandler.crash.selector;
        targets = new FuzzSelector[](1);
        targets[0] = FuzzSelector(address(handler), selectors);
    }

    /// CB_INV_A: while the breaker lets liquidations through, no two answers it was poked with in the
    /// last windowBlocks blocks differ by more than maxMove (the pause outlasts the window).
    function invariant_unpausedMeansNoMoveBeyondMaxMoveInTheWindow() public view {
        assertEq(handler.unpausedWithAMoveInTheWindow(), 0, "CB_INV_A: unpaused with a >10% move in the window");
    }

    /// CB_INV_B: a pause is never cut short: pausedUntil only grows.
    function invariant_pauseIsNeverShortened() public view {
        assertEq(handler.pauseShortened(), 0, "CB_INV_B: pausedUntil decreased");
    }

    /// Every run must reach both states the invariants speak of: pokes while paused and while not.
    function afterInvariant() public view {
        string memory calls = string.concat(" (after ", _str(handler.calls()), " moves and block passes, ", _str(handler.crashes()), " crashes)");
        assertTrue(handler.pokesPaused() > 0, string.concat("the campaign reached a paused breaker", calls));
        assertTrue(handler.pokesUnpaused() > 1, string.concat("the campaign reached an unpaused breaker after set-up", calls));
    }
}
