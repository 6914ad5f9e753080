// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {PairArbitrageur} from "../../src/agents/PairArbitrageur.sol";
import {Errors} from "../../src/libraries/Errors.sol";
import {TestToken} from "../../src/tokens/TestToken.sol";
import {MockSwapPair} from "../mocks/MockSwapPair.sol";
import {BaseTest} from "../utils/BaseTest.sol";

/// @notice PairArbitrageur against a pair with Uniswap V2's swap rule: it trades only outside the
///         fee band, to the profit-maximising size, within its limits and inventory.
contract PairArbitrageurTest is BaseTest {
    // Prices are loan base units per collateral base unit: WETH (18) / USDC (6) at 2,000 USDC is 2000e6 / 1e18.
    uint256 internal constant PD = 1e18;

    TestToken internal weth;
    TestToken internal usdc;
    MockSwapPair internal pair;
    PairArbitrageur internal arb;

    function setUp() public {
        weth = new TestToken("WETH", "WETH", 18, address(this));
        usdc = new TestToken("USDC", "USDC", 6, address(this));
        pair = new MockSwapPair(address(weth), address(usdc));
        _seed(100 ether, 200_000e6);
        arb = new PairArbitrageur(address(pair), address(weth), address(this));
        weth.mint(address(arb), 1_000 ether);
        usdc.mint(address(arb), 2_000_000e6);
    }

    function _seed(uint256 wethAmount, uint256 usdcAmount) internal {
        weth.mint(address(pair), wethAmount);
        usdc.mint(address(pair), usdcAmount);
        pair.sync();
    }

    function _reserves() internal view returns (uint256 c, uint256 l) {
        (uint112 r0, uint112 r1,) = pair.getReserves();
        (c, l) = pair.token0() == address(weth) ? (uint256(r0), uint256(r1)) : (uint256(r1), uint256(r0));
    }

    /// @dev Profit at the reference price of selling `dx` WETH now (negative as zero).
    function _sellProfit(uint256 dx, uint256 priceE6) internal view returns (uint256) {
        (uint256 c, uint256 l) = _reserves();
        uint256 out = dx * 997 * l / (c * 1000 + dx * 997);
        uint256 cost = dx * priceE6 / PD;
        return out > cost ? out - cost : 0;
    }

    function test_quote_insideFeeBandTradesNothing() public view {
        // Pair at 2,000; a reference 0.2% away is inside the 0.3% fee band both ways.
        PairArbitrageur.Quote memory below = arb.quote(1996e6, PD, type(uint256).max, type(uint256).max);
        PairArbitrageur.Quote memory above = arb.quote(2004e6, PD, type(uint256).max, type(uint256).max);
        assertEq(below.amountIn, 0, "below: no trade");
        assertEq(above.amountIn, 0, "above: no trade");
    }

    function test_arbitrage_sellsToTheFeeAdjustedReference() public {
        // Reference 1,400 (a 30% crash on the external venue): the pair still pays 2,000.
        PairArbitrageur.Quote memory q = arb.arbitrage(1400e6, PD, type(uint256).max, type(uint256).max, 0);
        assertTrue(q.sellCollateral, "sells WETH");
        (uint256 c, uint256 l) = _reserves();
        // The pair ends at the edge of the fee band above the reference: selling more no longer pays.
        uint256 spot = l * PD / c;
        assertGe(spot, 1400e6, "spot not pushed below the reference");
        assertLe(spot, uint256(1400e6) * 1000 / 997, "spot inside the fee band");
        assertGt(q.profit, 0, "profitable");
        assertEq(arb.quote(1400e6, PD, type(uint256).max, type(uint256).max).profit, 0, "nothing left to take");
    }

    function test_arbitrage_sizeMaximisesProfit() public view {
        uint256 price = 1400e6;
        PairArbitrageur.Quote memory q = arb.quote(price, PD, type(uint256).max, type(uint256).max);
        uint256 best = _sellProfit(q.amountIn, price);
        assertGe(best + 1, _sellProfit(q.amountIn * 101 / 100, price), "1% more is no better");
        assertGe(best + 1, _sellProfit(q.amountIn * 99 / 100, price), "1% less is no better");
        assertApproxEqAbs(q.profit, best, 1, "reported profit is the trade's (cost rounded up)");
    }

    function test_arbitrage_buysWhenThePairIsCheap() public {
        uint256 wethBefore = weth.balanceOf(address(arb));
        PairArbitrageur.Quote memory q = arb.arbitrage(2600e6, PD, type(uint256).max, type(uint256).max, 0);
        assertTrue(!q.sellCollateral, "buys WETH");
        assertEq(weth.balanceOf(address(arb)) - wethBefore, q.amountOut, "received the quoted WETH");
        (uint256 c, uint256 l) = _reserves();
        // The pair ends at the edge of the fee band below the reference.
        uint256 spot = l * PD / c;
        assertLe(spot, 2600e6, "spot not pushed above the reference");
        assertGe(spot, uint256(2600e6) * 997 / 1000, "spot inside the fee band");
        assertEq(arb.quote(2600e6, PD, type(uint256).max, type(uint256).max).profit, 0, "nothing left to take");
    }

    function test_arbitrage_capsAtTheLimitAndInventory() public {
        PairArbitrageur.Quote memory q = arb.arbitrage(1400e6, PD, type(uint256).max, 3 ether, 0);
        assertEq(q.amountIn, 3 ether, "capped by maxCollateralIn");
        PairArbitrageur poor = new PairArbitrageur(address(pair), address(weth), address(this));
        weth.mint(address(poor), 1 ether);
        PairArbitrageur.Quote memory p = poor.arbitrage(1000e6, PD, type(uint256).max, type(uint256).max, 0);
        assertEq(p.amountIn, 1 ether, "capped by inventory");
    }

    function test_arbitrage_skipsBelowMinProfit() public {
        PairArbitrageur.Quote memory q = arb.quote(1990e6, PD, type(uint256).max, type(uint256).max);
        assertGt(q.profit, 0, "a small mispricing pays a little");
        (uint256 c0,) = _reserves();
        PairArbitrageur.Quote memory done = arb.arbitrage(1990e6, PD, type(uint256).max, type(uint256).max, q.profit + 1);
        (uint256 c1,) = _reserves();
        assertEq(done.amountIn, 0, "skipped");
        assertEq(c1, c0, "pair untouched");
    }

    function test_arbitrage_secondArbitrageurFindsNothing() public {
        arb.arbitrage(1400e6, PD, type(uint256).max, type(uint256).max, 0);
        PairArbitrageur rival = new PairArbitrageur(address(pair), address(weth), address(this));
        weth.mint(address(rival), 1_000 ether);
        PairArbitrageur.Quote memory q = rival.arbitrage(1400e6, PD, type(uint256).max, type(uint256).max, 1);
        assertEq(q.amountIn, 0, "the first took the mispricing");
    }

    function test_arbitrage_revertsForOthers() public {
        PairArbitrageur other = new PairArbitrageur(address(pair), address(weth), address(0xBEEF));
        vm.expectRevert(abi.encodeWithSelector(Errors.CallerIsNotOperator.selector, address(this)));
        other.arbitrage(1400e6, PD, 1, 1, 0);
    }

    function test_quote_revertsOnZeroPrice() public {
        vm.expectRevert(abi.encodeWithSelector(Errors.ReferencePriceIsZero.selector));
        arb.quote(0, PD, 1, 1);
    }

    function testFuzz_arbitrage_neverLosesAtTheReference(uint256 priceE6, uint256 cap) public {
        priceE6 = bound(priceE6, 200e6, 20_000e6);
        cap = bound(cap, 1, 1_000 ether);
        (uint256 c0, uint256 l0) = _reserves();
        PairArbitrageur.Quote memory q = arb.arbitrage(priceE6, PD, cap * 2000, cap, 0);
        (uint256 c1, uint256 l1) = _reserves();
        if (q.amountIn == 0) {
            assertEq(c1, c0, "no trade leaves the pair");
            return;
        }
        // Value of what the pair gained minus what it paid, at the reference, is the arbitrageur's loss.
        int256 dc = int256(c0) - int256(c1); // collateral the arbitrageur got (negative when it sold)
        int256 dl = int256(l0) - int256(l1);
        int256 pnl = dl + dc * int256(priceE6) / int256(PD);
        assertTrue(pnl >= -1, "the trade never loses at the reference");
        assertTrue(uint256(pnl + 1) >= q.profit, "reported profit is no more than the real one");
    }
}
