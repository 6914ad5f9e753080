// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Errors} from "../../src/libraries/Errors.sol";
import {MathLib} from "../../src/libraries/MathLib.sol";
import {MarketTestBase} from "./MarketTestBase.sol";

/// @notice Fuzzed liquidation math on a live market (WETH 18 / USDC 6): any position, any drop below
///         health 1, any requested amount.
contract LiquidationFuzzTest is MarketTestBase {
    using MathLib for uint256;

    constructor() MarketTestBase(18, 6) {}

    struct Snapshot {
        uint256 collateral;
        uint256 debt;
        uint256 healthFactor;
    }

    function _snapshot(address account) internal view returns (Snapshot memory s) {
        (,, s.collateral) = market.positions(account);
        s.debt = market.debtOf(account);
        s.healthFactor = market.healthFactor(account);
    }

    function testFuzz_liquidate_respectsBoundsAndRestoresHealth(
        uint256 collSeed,
        uint256 debtSeed,
        uint256 dropSeed,
        uint256 requestSeed
    ) public {
        uint256 coll = bound(collSeed, C / 10_000, 500 * C);
        uint256 maxDebt = _value(coll, PRICE).wMulDown(LTV);
        if (maxDebt == 0) return;
        uint256 debt = bound(debtSeed, 1, maxDebt);
        _open(BORROWER, coll, debt);

        // A price below the position's liquidation price: 1 bp to 99.99% down from it.
        uint256 liqPrice = debt.mulDivDown(C * 1e8 * 1e18, coll * L * LT);
        uint256 price = liqPrice.mulDivDown(bound(dropSeed, 1, 9_999), 10_000);
        if (price == 0) return;
        _setPrice(int256(price));

        Snapshot memory before = _snapshot(BORROWER);
        if (before.healthFactor >= 1e18) return;
        uint256 requested = requestSeed % 4 == 0 ? type(uint256).max : bound(requestSeed, 1, 2 * before.debt);

        vm.prank(LIQUIDATOR);
        try market.liquidate(BORROWER, requested) returns (uint256 repaid, uint256 seized, uint256 badDebt) {
            Snapshot memory afterLiq = _snapshot(BORROWER);
            assertLe(seized, before.collateral, "seized <= position collateral");
            assertLe(repaid, requested, "repaid <= requested");
            bool dust = before.debt <= dustThreshold() || before.debt - before.debt.wMulDown(CLOSE_FACTOR) < dustThreshold();
            if (badDebt == 0 && !dust) {
                assertLe(repaid, before.debt.wMulDown(CLOSE_FACTOR), "repaid <= closeFactor x debt unless dust/insolvent");
            }
            if (badDebt != 0) assertEq(afterLiq.collateral, 0, "bad debt only once all collateral is gone");
            if (afterLiq.debt != 0) {
                // Collateral value is floored to loan-token wei, so a wei-sized liquidation may move
                // the health factor by up to 2 wei of value: LT x 2 / debt.
                uint256 tolerance = LT.mulDivUp(2, afterLiq.debt);
                assertGe(
                    afterLiq.healthFactor + tolerance,
                    before.healthFactor,
                    "health improves (within 2 wei of value rounding) unless the position closes"
                );
            }
        } catch (bytes memory reason) {
            bytes4 sel = bytes4(reason);
            assertTrue(
                sel == Errors.LiquidationWouldLeaveDust.selector
                    || sel == Errors.PartialLiquidationOfInsolventPosition.selector,
                "only the dust and insolvent-partial rules may refuse a liquidatable position"
            );
        }
    }

    function dustThreshold() internal view returns (uint256) {
        return market.dustThreshold();
    }
}
