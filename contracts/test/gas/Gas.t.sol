// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {AggregatorV3Interface} from "../../src/interfaces/AggregatorV3Interface.sol";
import {CircuitBreaker} from "../../src/lending/CircuitBreaker.sol";
import {IMarketGuard} from "../../src/lending/IMarketGuard.sol";
import {DynamicMargin, DynamicMarginConfig} from "../../src/margin/DynamicMargin.sol";
import {UniV2TwapFeed} from "../../src/oracle/UniV2TwapFeed.sol";
import {MockUniswapV2Pair} from "../mocks/MockUniswapV2Pair.sol";
import {MarketTestBase} from "../lending/MarketTestBase.sol";

/// @notice One main entry point per test, on warm realistic state, so the function gas snapshot
///         (repo-root .gas-snapshot, Hardhat's --snapshot / --snapshot-check) tracks each entry point.
/// @dev Check: npx hardhat test solidity contracts/test/gas/Gas.t.sol --snapshot-check --tolerance 5
///      Update: npx hardhat test solidity contracts/test/gas/Gas.t.sol --snapshot
contract GasTest is MarketTestBase {
    DynamicMargin internal dynamicMargin;
    UniV2TwapFeed internal twap;
    CircuitBreaker internal breaker;

    constructor() MarketTestBase(18, 6) {}

    function setUp() public override {
        super.setUp();
        _open(BORROWER, 10 * C, 10_000 * L);
        _open(BORROWER2, 1 * C, 1500 * L);
        _deposit(LIQUIDATOR, 1 * C);
        vm.warp(block.timestamp + 12);
        vm.roll(block.number + 1);
        feed.pushAnswer(1800e8);

        MockUniswapV2Pair pair = new MockUniswapV2Pair(address(collateral), address(loan));
        if (pair.token0() == address(collateral)) pair.setReserves(1000e18, 2_000_000e6);
        else pair.setReserves(2_000_000e6, 1000e18);
        dynamicMargin = new DynamicMargin(
            DynamicMarginConfig(
                address(feed), address(pair), address(collateral), address(this), 0.6e18, 0.85e18, 2e18, 0.05e18,
                0.5e18, 0.05e18, 0.1e18, 0.5e18, 0.9e18, 0.25e18, 0.01e18, 0.005e18, 0.5e18, 0.1e18
            )
        );
        dynamicMargin.poke();
        twap = new UniV2TwapFeed(address(pair), address(collateral), 600, 2);
        twap.poke();
        breaker = new CircuitBreaker(AggregatorV3Interface(address(feed)), 0.3e18, 10, 20, false);
        breaker.poke();
        vm.warp(block.timestamp + 300);
        vm.roll(block.number + 1);
        feed.pushAnswer(1790e8);
    }

    function test_gas_supply() public {
        _supply(LENDER, 1000 * L);
    }

    function test_gas_withdraw() public {
        vm.prank(LENDER);
        market.withdraw(1000 * L);
    }

    function test_gas_depositCollateral() public {
        _deposit(BORROWER, 1 * C);
    }

    function test_gas_withdrawCollateral() public {
        vm.prank(BORROWER);
        market.withdrawCollateral(1 * C);
    }

    function test_gas_borrow() public {
        _borrow(BORROWER, 1000 * L);
    }

    function test_gas_repay() public {
        vm.prank(BORROWER);
        market.repay(1000 * L);
    }

    function test_gas_liquidate() public {
        vm.prank(LIQUIDATOR);
        market.liquidate(BORROWER2, type(uint256).max);
    }

    function test_gas_pokeDynamicMargin() public {
        dynamicMargin.poke();
    }

    function test_gas_pokeTwap() public {
        twap.poke();
    }

    /// @dev A liquidation through the circuit breaker, the guard set in the same test (an SSTORE of ~22k gas).
    function test_gas_liquidateGuarded() public {
        market.setGuard(IMarketGuard(address(breaker)));
        vm.prank(LIQUIDATOR);
        market.liquidate(BORROWER2, type(uint256).max);
    }

    /// @dev The keeper's per-block poke of the 10-block breaker.
    function test_gas_pokeCircuitBreaker() public {
        vm.roll(block.number + 1);
        breaker.poke();
    }
}
