// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {AggregatorV3Interface} from "../../src/interfaces/AggregatorV3Interface.sol";
import {Errors} from "../../src/libraries/Errors.sol";
import {CircuitBreaker} from "../../src/lending/CircuitBreaker.sol";
import {IMarketGuard} from "../../src/lending/IMarketGuard.sol";
import {MarketTestBase} from "./MarketTestBase.sol";

/// @notice CircuitBreaker alone (a 10% move within 5 blocks pauses for 20) and guarding a market
///         (18-decimal collateral, 6-decimal loan, the base's fixed 75/80 design at 2000).
contract CircuitBreakerTest is MarketTestBase {
    CircuitBreaker internal breaker;

    constructor() MarketTestBase(18, 6) {}

    function setUp() public override {
        super.setUp();
        breaker = new CircuitBreaker(AggregatorV3Interface(address(feed)), 0.1e18, 5, 20, false);
        breaker.poke();
    }

    function _next(int256 answer) internal {
        vm.roll(block.number + 1);
        _setPrice(answer);
        breaker.poke();
    }

    function test_constructor_refusesBadParameters() public {
        vm.expectRevert(Errors.AddressIsZero.selector);
        new CircuitBreaker(AggregatorV3Interface(address(0)), 0.1e18, 5, 20, false);
        vm.expectRevert(abi.encodeWithSelector(Errors.MaxMoveOutOfRange.selector, 0));
        new CircuitBreaker(AggregatorV3Interface(address(feed)), 0, 5, 20, false);
        vm.expectRevert(abi.encodeWithSelector(Errors.MaxMoveOutOfRange.selector, 1e18));
        new CircuitBreaker(AggregatorV3Interface(address(feed)), 1e18, 5, 20, false);
        vm.expectRevert(abi.encodeWithSelector(Errors.WindowOutOfRange.selector, 0));
        new CircuitBreaker(AggregatorV3Interface(address(feed)), 0.1e18, 0, 20, false);
        vm.expectRevert(abi.encodeWithSelector(Errors.WindowOutOfRange.selector, 257));
        new CircuitBreaker(AggregatorV3Interface(address(feed)), 0.1e18, 257, 20, false);
    }

    function test_poke_moveWithinMaxMove_doesNotTrip() public {
        _next(1900e8);
        _next(1820e8); // 9% below the window's high of 2000
        assertTrue(!breaker.liquidationsPaused(), "a 9% move does not pause");
        assertEq(breaker.trips(), 0, "no trip");
    }

    function test_poke_fallBeyondMaxMoveWithinTheWindow_pausesForPauseBlocks() public {
        _next(1900e8);
        _next(1790e8); // 10.5% below 2000, two blocks later
        uint256 tripped = block.number;
        assertTrue(breaker.liquidationsPaused(), "paused");
        assertEq(breaker.trips(), 1, "one trip");
        assertEq(breaker.pausedUntil(), tripped + 20, "paused for 20 blocks");
        (uint256 low, uint256 high) = breaker.windowRange();
        assertEq(low, 1790e8, "window low");
        assertEq(high, 2000e8, "window high");
    }

    function test_poke_riseBeyondMaxMove_tripsToo() public {
        _next(2250e8);
        assertTrue(breaker.liquidationsPaused(), "a 12.5% rise pauses");
    }

    function test_poke_sameMoveSpreadOverMoreThanTheWindow_doesNotTrip() public {
        // 2000 -> 1600 in steps of 2% a block: never more than 10% within 5 blocks... until it is
        int256 price = 2000e8;
        for (uint256 i; i < 4; ++i) {
            price = price * 98 / 100;
            _next(price);
        }
        assertTrue(!breaker.liquidationsPaused(), "7.8% in 4 blocks does not pause");
        price = price * 98 / 100;
        _next(price); // 9.6% below the high 5 blocks back
        assertTrue(!breaker.liquidationsPaused(), "9.6% within the window does not pause");
        price = price * 98 / 100;
        _next(price); // the 2000 observation left the window; 1960 -> 1771 is 9.6%
        assertTrue(!breaker.liquidationsPaused(), "the oldest observation left the window");
    }

    function test_pause_lastsUntilTheMoveLeavesTheWindowThenEnds() public {
        uint256 start = block.number; // 2000 observed here
        _next(1700e8);
        uint256 first = breaker.pausedUntil();
        _next(1500e8); // still moving: trips again, the pause extends
        assertEq(breaker.trips(), 2, "a second trip");
        assertEq(breaker.pausedUntil(), first + 1, "extended by a block");
        // Steady at 1500, but 2000 stays in the 5-block window until start + 5 and 1700 until start + 6
        for (uint256 i; i < 4; ++i) _next(1500e8);
        assertEq(breaker.trips(), 6, "each block whose window holds the move trips");
        _next(1500e8);
        _next(1500e8);
        assertEq(breaker.trips(), 6, "a window of steady prices does not trip");
        assertEq(breaker.pausedUntil(), start + 6 + 20, "paused for 20 blocks after the last trip");
        vm.roll(breaker.pausedUntil() - 1);
        assertTrue(breaker.liquidationsPaused(), "still paused in the last block");
        vm.roll(breaker.pausedUntil());
        assertTrue(!breaker.liquidationsPaused(), "resumes at pausedUntil");
    }

    function test_market_liquidationWhilePaused_reverts_andSucceedsAfter() public {
        market.setGuard(IMarketGuard(address(breaker)));
        _open(BORROWER, 10 * C, 15_000 * L);
        _next(1700e8); // HF = 10 x 1700 x 0.8 / 15000 = 0.907, and a 15% fall trips the breaker
        vm.prank(LIQUIDATOR);
        vm.expectRevert(Errors.LiquidationsPaused.selector);
        market.liquidate(BORROWER, 1_000 * L);
        vm.roll(breaker.pausedUntil());
        vm.prank(LIQUIDATOR);
        (uint256 repaid,,) = market.liquidate(BORROWER, 1_000 * L);
        assertEq(repaid, 1_000 * L, "liquidates once the pause is over");
    }

    function test_market_liquidationSeesTheMoveWithoutAPoke() public {
        market.setGuard(IMarketGuard(address(breaker)));
        _open(BORROWER, 10 * C, 15_000 * L);
        vm.roll(block.number + 1);
        _setPrice(1700e8); // nobody pokes: the liquidation's own check records the answer
        vm.prank(LIQUIDATOR);
        vm.expectRevert(Errors.LiquidationsPaused.selector);
        market.liquidate(BORROWER, 1_000 * L);
    }

    function test_market_borrowPausesOnlyWhenTheBreakerSaysSo() public {
        CircuitBreaker both = new CircuitBreaker(AggregatorV3Interface(address(feed)), 0.1e18, 5, 20, true);
        both.poke();
        _open(BORROWER, 10 * C, 1_000 * L);
        market.setGuard(IMarketGuard(address(breaker)));
        _next(1700e8);
        _borrow(BORROWER, 100 * L); // this breaker pauses liquidations only
        market.setGuard(IMarketGuard(address(both)));
        vm.prank(BORROWER);
        vm.expectRevert(Errors.BorrowingPaused.selector);
        market.borrow(100 * L);
    }

    function test_setGuard_onlyOwner() public {
        vm.prank(BORROWER);
        vm.expectRevert(abi.encodeWithSignature("OwnableUnauthorizedAccount(address)", BORROWER));
        market.setGuard(IMarketGuard(address(breaker)));
        market.setGuard(IMarketGuard(address(breaker)));
        assertEq(address(market.guard()), address(breaker), "guard set");
    }

    /// @dev Two answers `gap` blocks apart within the window: the breaker trips exactly when the
    ///      second is more than 10% below the first or more than 10% above it.
    function testFuzz_trip_exactlyWhenTheMoveExceedsMaxMove(uint256 a, uint256 b, uint256 gap) public {
        CircuitBreaker fresh = new CircuitBreaker(AggregatorV3Interface(address(feed)), 0.1e18, 5, 20, false);
        a = bound(a, 1e8, 1e12);
        b = bound(b, 1e8, 1e12);
        gap = bound(gap, 1, 5);
        vm.roll(block.number + 1);
        _setPrice(int256(a));
        fresh.poke();
        vm.roll(block.number + gap);
        _setPrice(int256(b));
        fresh.poke();
        bool expected = (b < a && a - b > a / 10) || (b > a && b - a > a / 10);
        assertTrue(fresh.liquidationsPaused() == expected, "tripped iff the move exceeds 10%");
    }
}
