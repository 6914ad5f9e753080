// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {ILendingMarket} from "../../src/lending/ILendingMarket.sol";
import {ILiquidationModule} from "../../src/lending/ILiquidationModule.sol";
import {StabilityPool} from "../../src/liquidation/StabilityPool.sol";
import {MarketTestBase} from "../lending/MarketTestBase.sol";

/// @notice One StabilityPool entry point per test, on warm realistic state: two depositors, one absorb
///         already done (so the pool holds collateral and a deposit reads the oracle), one position
///         liquidatable at 1800 waiting.
/// @dev Check: npx hardhat test solidity contracts/test/gas/StabilityPoolGas.t.sol --snapshot-check --tolerance 5
contract StabilityPoolGasTest is MarketTestBase {
    address internal constant ALICE = address(0xA11CE);
    address internal constant DAVE = address(0xDA7E);
    address internal constant KEEPER = address(0xCA11);

    StabilityPool internal pool;

    constructor() MarketTestBase(18, 6) {}

    function setUp() public override {
        super.setUp();
        pool = new StabilityPool(ILendingMarket(address(market)), 0.005e18);
        market.setLiquidationModule(ILiquidationModule(address(pool)));
        address[2] memory depositors = [ALICE, DAVE];
        for (uint256 i; i < 2; ++i) {
            loan.mint(depositors[i], 1_000_000 * L);
            vm.startPrank(depositors[i]);
            loan.approve(address(pool), type(uint256).max);
            pool.deposit(50_000 * L);
            vm.stopPrank();
        }
        _open(BORROWER, 10 * C, 15_000 * L);
        _open(BORROWER2, 1 * C, 1500 * L);
        vm.warp(block.timestamp + 12);
        vm.roll(block.number + 1);
        feed.pushAnswer(1800e8);
        vm.prank(KEEPER);
        pool.absorb(BORROWER2);
        vm.warp(block.timestamp + 12);
        vm.roll(block.number + 1);
        feed.pushAnswer(1790e8);
    }

    function test_gas_poolDeposit() public {
        vm.prank(ALICE);
        pool.deposit(1_000 * L);
    }

    function test_gas_poolWithdraw() public {
        vm.prank(ALICE);
        pool.withdraw(10_000 * L);
    }

    function test_gas_poolAbsorb() public {
        vm.prank(KEEPER);
        pool.absorb(BORROWER);
    }
}
