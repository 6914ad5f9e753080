// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {ILiquidationModule} from "../../src/lending/ILiquidationModule.sol";
import {DutchAuction, DutchAuctionParams} from "../../src/liquidation/DutchAuction.sol";
import {MarketTestBase} from "../lending/MarketTestBase.sol";

/// @notice One DutchAuction entry point per test, on warm realistic state (Maker ETH-A parameters, four positions
///         underwater at 1800, three auctions already running, one of them partly taken so its kicker is paid, an
///         insurance fund), for the function gas snapshot; each test also records its call in the "DutchAuction"
///         snapshot group.
/// @dev Check: npx hardhat test solidity contracts/test/gas/DutchAuctionGas.t.sol --snapshot-check --tolerance 5
contract DutchAuctionGasTest is MarketTestBase {
    address internal constant ALICE = address(0xA11CE);
    address internal constant BOB = address(0xB0B0);
    address internal constant KEEPER = address(0x4EE9);
    address internal constant BORROWER3 = address(0xB0B3);
    address internal constant BORROWER4 = address(0xB0B4);
    /// 2160 x 0.99^92 is below 40% of the start price: the auctions need a reset from then on.
    uint256 internal constant CUSP_TIME = 92 * 90;

    DutchAuction internal auction;
    uint256 internal partlyTakenId; // its kicker already paid: the next take repays part of the debt
    uint256 internal freshId; // nothing taken yet
    uint256 internal agingId; // left to decay: taken late it ends with bad debt, later it needs a reset

    constructor() MarketTestBase(18, 6) {}

    function setUp() public override {
        super.setUp();
        auction = new DutchAuction(
            market, DutchAuctionParams(1.2e18, 1.13e18, 8400, 0.4e18, 1, 0, 0.99e18, 90, 0.001e18, 300 * L)
        );
        market.setLiquidationModule(ILiquidationModule(address(auction)));
        _fund(BORROWER3);
        _fund(BORROWER4);
        _open(BORROWER, 10 * C, 15_000 * L);
        _open(BORROWER2, 10 * C, 15_000 * L);
        _open(BORROWER3, 10 * C, 15_000 * L);
        _open(BORROWER4, 10 * C, 15_000 * L);
        vm.prank(LIQUIDATOR);
        market.fundInsurance(1_000 * L);
        loan.mint(ALICE, 1_000_000 * L);
        loan.mint(BOB, 1_000_000 * L);
        vm.prank(ALICE);
        loan.approve(address(auction), type(uint256).max);
        vm.prank(BOB);
        loan.approve(address(auction), type(uint256).max);
        vm.warp(block.timestamp + 12);
        vm.roll(block.number + 1);
        feed.pushAnswer(1800e8);
        partlyTakenId = auction.kick(BORROWER, KEEPER);
        freshId = auction.kick(BORROWER2, KEEPER);
        agingId = auction.kick(BORROWER3, KEEPER);
        vm.prank(BOB);
        auction.take(partlyTakenId, 1 * C, type(uint256).max, BOB);
        vm.warp(block.timestamp + 300);
        vm.roll(block.number + 1);
        feed.pushAnswer(1800e8);
    }

    function test_gas_kick() public {
        auction.kick(BORROWER4, KEEPER);
        vm.snapshotGasLastCall("DutchAuction", "kick");
    }

    /// @dev A partial take after the kicker was paid: pulls the payment, sends the slice, repays part of the debt.
    function test_gas_take() public {
        vm.prank(ALICE);
        auction.take(partlyTakenId, 3 * C, type(uint256).max, ALICE);
        vm.snapshotGasLastCall("DutchAuction", "take");
    }

    /// @dev A take capped at the tab: pays the kicker, repays the shares, funds insurance with the penalty, returns
    ///      the rest of the lot to the borrower and removes the auction from the running list.
    function test_gas_takeFinal() public {
        vm.prank(ALICE);
        auction.take(freshId, 10 * C, type(uint256).max, ALICE);
        vm.snapshotGasLastCall("DutchAuction", "takeFinal");
    }

    /// @dev The whole lot taken at the last price above cusp: pays the kicker, repays what it raised, writes off
    ///      the rest (the insurance fund first, then lenders).
    function test_gas_takeWithBadDebt() public {
        vm.warp(block.timestamp + CUSP_TIME - 301);
        vm.prank(ALICE);
        auction.take(agingId, 10 * C, type(uint256).max, ALICE);
        vm.snapshotGasLastCall("DutchAuction", "takeWithBadDebt");
    }

    /// @dev A reset below cusp: reads the oracle, restarts the auction, owes the resetter its incentive.
    function test_gas_redo() public {
        vm.warp(block.timestamp + CUSP_TIME);
        feed.pushAnswer(1750e8);
        auction.redo(agingId, KEEPER);
        vm.snapshotGasLastCall("DutchAuction", "redo");
    }
}
