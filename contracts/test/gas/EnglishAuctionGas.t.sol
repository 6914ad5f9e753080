// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {ILiquidationModule} from "../../src/lending/ILiquidationModule.sol";
import {EnglishAuction, EnglishAuctionParams} from "../../src/liquidation/EnglishAuction.sol";
import {MarketTestBase} from "../lending/MarketTestBase.sol";

/// @notice One EnglishAuction entry point per test, on warm realistic state (Maker March 2020 parameters,
///         four positions underwater at 1800, three auctions already running), for the function gas snapshot.
/// @dev Check: npx hardhat test solidity contracts/test/gas/EnglishAuctionGas.t.sol --snapshot-check --tolerance 5
contract EnglishAuctionGasTest is MarketTestBase {
    address internal constant ALICE = address(0xA11CE);
    address internal constant BOB = address(0xB0B0);
    address internal constant BORROWER3 = address(0xB0B3);
    address internal constant BORROWER4 = address(0xB0B4);

    EnglishAuction internal auction;
    uint256 internal tendId; // alice holds a bid below the tab
    uint256 internal dentId; // alice holds the tab
    uint256 internal tickId; // nobody bid
    uint256 internal tab;

    constructor() MarketTestBase(18, 6) {}

    function setUp() public override {
        super.setUp();
        auction = new EnglishAuction(market, EnglishAuctionParams(1.03e18, 600, 21_600, 1.13e18));
        market.setLiquidationModule(ILiquidationModule(address(auction)));
        _fund(BORROWER3);
        _fund(BORROWER4);
        _open(BORROWER, 10 * C, 15_000 * L);
        _open(BORROWER2, 10 * C, 15_000 * L);
        _open(BORROWER3, 10 * C, 15_000 * L);
        _open(BORROWER4, 10 * C, 15_000 * L);
        vm.startPrank(ALICE);
        loan.approve(address(auction), type(uint256).max);
        vm.stopPrank();
        vm.startPrank(BOB);
        loan.approve(address(auction), type(uint256).max);
        vm.stopPrank();
        loan.mint(ALICE, 1_000_000 * L);
        loan.mint(BOB, 1_000_000 * L);
        vm.warp(block.timestamp + 12);
        vm.roll(block.number + 1);
        feed.pushAnswer(1800e8);
        tendId = auction.kick(BORROWER);
        dentId = auction.kick(BORROWER2);
        tickId = auction.kick(BORROWER4);
        (,,,,,, tab,) = auction.bids(dentId);
        vm.prank(ALICE);
        auction.tend(tendId, 10 * C, 10_000 * L);
        vm.prank(ALICE);
        auction.tend(dentId, 10 * C, tab);
        vm.warp(block.timestamp + 300);
        vm.roll(block.number + 1);
    }

    function test_gas_kick() public {
        auction.kick(BORROWER3);
    }

    /// @dev An outbid: pulls bob's bid, refunds alice's.
    function test_gas_tend() public {
        vm.prank(BOB);
        auction.tend(tendId, 10 * C, 10_300 * L);
    }

    /// @dev A dent by a new bidder: moves the tab between bidders, returns collateral to the borrower.
    function test_gas_dent() public {
        vm.prank(BOB);
        auction.dent(dentId, 9 * C, tab);
    }

    /// @dev A deal at the tab: repays the shares and funds insurance with the penalty.
    function test_gas_deal() public {
        vm.warp(block.timestamp + 601);
        auction.deal(dentId);
    }

    /// @dev A deal below the debt: repays the bid and writes off the rest.
    function test_gas_dealWithBadDebt() public {
        vm.warp(block.timestamp + 601);
        auction.deal(tendId);
    }

    function test_gas_tick() public {
        vm.warp(block.timestamp + 21_601);
        auction.tick(tickId);
    }
}
