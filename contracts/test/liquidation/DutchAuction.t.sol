// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Errors} from "../../src/libraries/Errors.sol";
import {MathLib} from "../../src/libraries/MathLib.sol";
import {ILendingMarket} from "../../src/lending/ILendingMarket.sol";
import {ILiquidationModule} from "../../src/lending/ILiquidationModule.sol";
import {SharesMathLib} from "../../src/lending/libraries/SharesMathLib.sol";
import {DutchAuction, DutchAuctionParams} from "../../src/liquidation/DutchAuction.sol";
import {MarketTestBase} from "../lending/MarketTestBase.sol";

/// @notice DutchAuction (Clipper after Maker's ETH-A settings: buf 120%, tail 140 minutes, cusp 40%,
///         x0.99 every 90 seconds, chop 13%, chip 0.1%, tip 300) as the liquidation module of the base's market
///         (18-decimal collateral, 6-decimal loan, fixed 75/80 design at 2000). The borrower posts 10
///         collateral and borrows 15,000; at 1800 its health factor is 0.96 and the position can be kicked,
///         at a start price of 2160. Some tests swap in a linear-decay house before any kick.
contract DutchAuctionTest is MarketTestBase {
    using MathLib for uint256;
    using SharesMathLib for uint256;

    uint256 internal constant BUF = 1.2e18;
    uint256 internal constant CHOP = 1.13e18;
    uint256 internal constant TAIL = 8400;
    uint256 internal constant CUSP = 0.4e18;
    uint256 internal constant CUT = 0.99e18;
    uint256 internal constant STEP = 90;
    uint256 internal constant CHIP = 0.001e18;
    uint256 internal constant TIP = 300e6; // 300 of the 6-decimal loan token
    /// 0.99^91 = 0.4007 is still above cusp, 0.99^92 = 0.3967 is below: the 92nd step (8280 s) needs a reset.
    uint256 internal constant CUSP_TIME = 92 * STEP;

    address internal constant ALICE = address(0xA11CE);
    address internal constant BOB = address(0xB0B0);
    address internal constant KEEPER = address(0x4EE9);
    address internal constant RESETTER = address(0x4E5E7);
    address internal constant RESETTER2 = address(0x4E5E72);
    address internal constant BORROWER3 = address(0xB0B3);
    address internal constant BORROWER4 = address(0xB0B4);

    DutchAuction internal auction;
    /// The borrower's debt when `_kick` kicked it.
    uint256 internal kickDebt;

    event Kick(uint256 indexed id, address indexed borrower, uint256 top, uint256 tab, uint256 lot, address indexed kpr, uint256 coin);
    event Take(
        uint256 indexed id, address indexed taker, address who, uint256 price, uint256 owe, uint256 slice, uint256 tabLeft, uint256 lotLeft
    );
    event Redo(uint256 indexed id, uint256 top, address indexed kpr, uint256 coin);
    event End(
        uint256 indexed id, address indexed borrower, uint256 raised, uint256 collateralSold, uint256 collateralReturned, uint256 badDebt
    );

    constructor() MarketTestBase(18, 6) {}

    function setUp() public override {
        super.setUp();
        _useHouse(_params());
        _open(BORROWER, 10 * C, 15_000 * L);
        loan.mint(ALICE, 1_000_000 * L);
        loan.mint(BOB, 1_000_000 * L);
    }

    // ---------------------------------------------------------------- helpers

    function _params() internal pure returns (DutchAuctionParams memory) {
        return DutchAuctionParams(BUF, CHOP, TAIL, CUSP, 1, 0, CUT, STEP, CHIP, TIP);
    }

    function _linear(uint256 tau_, uint256 tail_) internal pure returns (DutchAuctionParams memory p) {
        p = _params();
        (p.decay, p.tau, p.tail, p.cut, p.step) = (0, tau_, tail_, 0, 0);
    }

    /// @dev Deploys a house with `p` as the market's module (before any kick) and lets the takers pay it.
    function _useHouse(DutchAuctionParams memory p) internal {
        auction = new DutchAuction(market, p);
        market.setLiquidationModule(ILiquidationModule(address(auction)));
        vm.prank(ALICE);
        loan.approve(address(auction), type(uint256).max);
        vm.prank(BOB);
        loan.approve(address(auction), type(uint256).max);
    }

    function _underwater() internal {
        vm.warp(block.timestamp + 12);
        _setPrice(1800e8);
    }

    function _kick() internal returns (uint256 id) {
        _underwater();
        kickDebt = market.debtOf(BORROWER);
        vm.prank(LIQUIDATOR);
        id = auction.kick(BORROWER, KEEPER);
    }

    /// @dev The kicker's incentive of `_kick`: tip + chip x debt x chop.
    function _kickCoin() internal view returns (uint256) {
        return TIP + kickDebt.wMulUp(CHOP).wMulDown(CHIP);
    }

    /// @dev Time passes; the feed answers again at its last price, so kicks and redos read a fresh answer.
    function _warpFresh(uint256 dt) internal {
        vm.warp(block.timestamp + dt);
        vm.roll(block.number + 1);
        (, int256 answer,,,) = feed.latestRoundData();
        _setPrice(answer);
    }

    function _tab(uint256 id) internal view returns (uint256 tab) {
        (, tab,,,,) = auction.sales(id);
    }

    function _lot(uint256 id) internal view returns (uint256 lot) {
        (,, lot,,,) = auction.sales(id);
    }

    function _top(uint256 id) internal view returns (uint256 top) {
        (,,, top,,) = auction.sales(id);
    }

    function _tic(uint256 id) internal view returns (uint256 tic) {
        (,,,, tic,) = auction.sales(id);
    }

    function _shares(uint256 id) internal view returns (uint256 shares) {
        (,,,,, shares) = auction.sales(id);
    }

    function _moduleShares() internal view returns (uint256 shares) {
        (, shares,) = market.positions(address(auction));
    }

    function _take(address who, uint256 id, uint256 amt) internal returns (uint256 slice, uint256 owe) {
        vm.prank(who);
        (slice, owe) = auction.take(id, amt, type(uint256).max, who);
    }

    /// @dev Loan units for `amount` collateral at `price` (8-decimal oracle format), rounded up as the taker pays.
    function _valueUp(uint256 amount, uint256 price) internal view returns (uint256) {
        return amount.mulDivUp(price * L, C * 1e8);
    }

    /// @dev x^n by repeated multiplication, each product rounded down (an independent reference for _wPow).
    function _pow(uint256 x, uint256 n) internal pure returns (uint256 z) {
        z = 1e18;
        for (uint256 i; i < n; ++i) z = z.wMulDown(x);
    }

    function _ids(uint256 a) internal pure returns (uint256[] memory ids) {
        ids = new uint256[](1);
        ids[0] = a;
    }

    function _assertActive(uint256[] memory expected, string memory message) internal view {
        uint256[] memory ids = auction.active();
        assertEq(ids.length, expected.length, string.concat(message, ": length"));
        for (uint256 i; i < ids.length; ++i) assertEq(ids[i], expected[i], message);
    }

    // ---------------------------------------------------------------- constructor

    function test_constructor_refusesEachBadParameter() public {
        vm.expectRevert(Errors.AddressIsZero.selector);
        new DutchAuction(ILendingMarket(address(0)), _params());

        DutchAuctionParams memory p = _params();
        p.buf = 1e18 - 1;
        _expectOutOfRange("buf", 1e18 - 1, p);
        p = _params();
        p.chop = 1e18 - 1;
        _expectOutOfRange("chop", 1e18 - 1, p);
        p = _params();
        p.tail = 0;
        _expectOutOfRange("tail", 0, p);
        p = _params();
        p.cusp = 0;
        _expectOutOfRange("cusp", 0, p);
        p.cusp = 1e18;
        _expectOutOfRange("cusp", 1e18, p);
        p = _params();
        p.decay = 2;
        _expectOutOfRange("decay", 2, p);
        p = _linear(0, TAIL);
        _expectOutOfRange("tau", 0, p);
        p = _params();
        p.cut = 0;
        _expectOutOfRange("cut", 0, p);
        p.cut = 1e18;
        _expectOutOfRange("cut", 1e18, p);
        p = _params();
        p.step = 0;
        _expectOutOfRange("step", 0, p);
        p = _params();
        p.chip = 1e18 + 1;
        _expectOutOfRange("chip", 1e18 + 1, p);
    }

    function _expectOutOfRange(string memory name, uint256 value, DutchAuctionParams memory p) internal {
        vm.expectRevert(abi.encodeWithSelector(Errors.AuctionParameterOutOfRange.selector, name, value));
        new DutchAuction(market, p);
    }

    /// The bounds are inclusive where the parameter doc says so, and each decay ignores the other's parameters.
    function test_constructor_acceptsTheBoundsAndIgnoresTheOtherDecaysParameters() public {
        DutchAuctionParams memory p = DutchAuctionParams(1e18, 1e18, 1, 1e18 - 1, 1, 0, 1e18 - 1, 1, 1e18, 0);
        DutchAuction edge = new DutchAuction(market, p); // exponential: tau 0 is fine
        assertEq(edge.buf(), 1e18, "buf = 1 accepted");
        assertEq(edge.chip(), 1e18, "chip = 1 accepted");
        edge = new DutchAuction(market, _linear(1, 1)); // linear: cut and step 0 are fine
        assertEq(uint256(edge.decay()), 0, "linear");
        assertEq(edge.tau(), 1, "tau");
    }

    function test_constructor_setsParametersAndApprovesTheMarket() public view {
        assertEq(address(auction.market()), address(market), "market");
        assertEq(auction.buf(), BUF, "buf");
        assertEq(auction.chop(), CHOP, "chop");
        assertEq(auction.tail(), TAIL, "tail");
        assertEq(auction.cusp(), CUSP, "cusp");
        assertEq(uint256(auction.decay()), 1, "decay");
        assertEq(auction.tau(), 0, "tau");
        assertEq(auction.cut(), CUT, "cut");
        assertEq(auction.step(), STEP, "step");
        assertEq(auction.chip(), CHIP, "chip");
        assertEq(auction.tip(), TIP, "tip");
        assertEq(auction.count(), 0, "no auction yet");
        assertEq(auction.active().length, 0, "none running");
        assertEq(loan.allowance(address(auction), address(market)), type(uint256).max, "market approved");
        assertTrue(auction.takesLiquidation(BORROWER, 1, 1), "takes every liquidation");
        assertEq(auction.price(1), 0, "no price for an auction not running");
    }

    // ---------------------------------------------------------------- kick

    function test_kick_takesThePositionWholeAndStartsAtOraclePriceTimesBuf() public {
        _underwater();
        (, uint256 sharesBefore,) = market.positions(BORROWER);
        uint256 debt = market.debtOf(BORROWER);
        uint256 due = debt.wMulUp(CHOP);
        uint256 coin = TIP + due.wMulDown(CHIP);
        uint256 top = uint256(1800e8).wMulUp(BUF);
        assertEq(top, 2160e8, "1800 x 1.2");
        vm.expectEmit(true, true, true, true, address(auction));
        emit Kick(1, BORROWER, top, due + coin, 10 * C, KEEPER, coin);
        vm.prank(LIQUIDATOR);
        uint256 id = auction.kick(BORROWER, KEEPER);

        assertEq(id, 1, "first id");
        assertEq(auction.count(), 1, "count");
        (address borrower, uint256 tab, uint256 lot, uint256 top_, uint256 tic, uint256 shares) = auction.sales(id);
        assertEq(borrower, BORROWER, "borrower");
        assertEq(tab, due + coin, "tab = debt x chop + tip + chip x debt x chop");
        assertEq(lot, 10 * C, "all the collateral");
        assertEq(top_, top, "top");
        assertEq(tic, block.timestamp, "tic");
        assertEq(shares, sharesBefore, "the position's shares");
        (, uint256 borrowerShares, uint256 borrowerCollateral) = market.positions(BORROWER);
        assertEq(borrowerShares + borrowerCollateral, 0, "the market position is zeroed");
        assertEq(_moduleShares(), shares, "the module owes the shares");
        assertEq(market.debtOf(address(auction)), debt, "the module owes the debt");
        assertEq(collateral.balanceOf(address(auction)), 10 * C, "the module holds the lot");
        assertEq(loan.balanceOf(KEEPER), 0, "the incentive is owed, not paid");
        _assertActive(_ids(1), "id 1 running");
        (bool needsRedo, uint256 price, uint256 lot_, uint256 tab_) = auction.getStatus(id);
        assertTrue(!needsRedo, "fresh");
        assertEq(price, top, "starts at top");
        assertEq(lot_, 10 * C, "status lot");
        assertEq(tab_, tab, "status tab");
    }

    function test_kick_refusesAHealthyPositionAndOneAlreadyTaken() public {
        vm.expectRevert(abi.encodeWithSelector(Errors.PositionNotLiquidatable.selector, market.healthFactor(BORROWER)));
        auction.kick(BORROWER, KEEPER);
        _kick();
        vm.expectRevert(Errors.PositionHasNoDebt.selector);
        auction.kick(BORROWER, KEEPER);
    }

    function test_kick_refusesAStaleOracle() public {
        _underwater();
        uint256 updatedAt = block.timestamp;
        vm.warp(block.timestamp + MAX_AGE + 1);
        vm.expectRevert(abi.encodeWithSelector(Errors.OracleAnswerStale.selector, updatedAt, MAX_AGE));
        auction.kick(BORROWER, KEEPER);
    }

    /// The market refuses direct liquidations while the module takes them (always).
    function test_liquidate_isRoutedToTheAuction() public {
        _underwater();
        vm.prank(LIQUIDATOR);
        vm.expectRevert(abi.encodeWithSelector(Errors.LiquidationRoutedToModule.selector, address(auction)));
        market.liquidate(BORROWER, type(uint256).max);
    }

    // ---------------------------------------------------------------- price

    function test_price_linear_fallsToZeroOverTau() public {
        _useHouse(_linear(3600, 7200));
        uint256 id = _kick();
        uint256 top = 2160e8;
        uint256 tic = block.timestamp;
        assertEq(auction.price(id), top, "top at 0");
        vm.warp(tic + 900);
        assertEq(auction.price(id), 1620e8, "3/4 at tau/4");
        vm.warp(tic + 1800);
        assertEq(auction.price(id), 1080e8, "half at tau/2");
        vm.warp(tic + 3599);
        assertEq(auction.price(id), top / 3600, "1/tau of top a second before tau");
        vm.warp(tic + 3600);
        assertEq(auction.price(id), 0, "zero at tau");
        (bool needsRedo,,,) = auction.getStatus(id);
        assertTrue(needsRedo, "zero is below cusp");
        vm.warp(tic + 100_000);
        assertEq(auction.price(id), 0, "zero beyond tau");
    }

    function test_price_exponential_fallsByCutEveryWholeStep() public {
        uint256 id = _kick();
        uint256 top = 2160e8;
        uint256 tic = block.timestamp;
        assertEq(auction.price(id), top, "top at 0");
        vm.warp(tic + STEP - 1);
        assertEq(auction.price(id), top, "no change within the first step");
        vm.warp(tic + STEP);
        assertEq(auction.price(id), top.wMulDown(CUT), "x cut after a step");
        vm.warp(tic + 2 * STEP - 1);
        assertEq(auction.price(id), top.wMulDown(CUT), "a stair, not a slope");
        vm.warp(tic + 2 * STEP);
        assertEq(auction.price(id), top.wMulDown(0.9801e18), "x cut^2");
        vm.warp(tic + 10 * STEP + 45);
        assertEq(auction.price(id), top.wMulDown(_pow(CUT, 10)), "x cut^10");
        for (uint256 n = 11; n <= 100; n += 17) {
            vm.warp(tic + n * STEP);
            assertApproxEqAbs(auction.price(id), top.wMulDown(_pow(CUT, n)), 1, "x cut^n");
        }
    }

    /// Exponential: the cusp (40% of top) is crossed at the 92nd step, before the tail (8400 s).
    function test_needsRedo_exponential_belowCuspBeforeTail() public {
        uint256 id = _kick();
        uint256 tic = block.timestamp;
        vm.warp(tic + CUSP_TIME - 1);
        (bool needsRedo, uint256 price,,) = auction.getStatus(id);
        assertTrue(!needsRedo, "0.99^91 is above cusp");
        assertGe(price, uint256(2160e8).wMulDown(CUSP), "above cusp");
        vm.warp(tic + CUSP_TIME);
        (needsRedo, price,,) = auction.getStatus(id);
        assertTrue(needsRedo, "0.99^92 is below cusp");
        assertLt(price, uint256(2160e8).wMulDown(CUSP), "below cusp");
    }

    /// Linear with a long tau: the tail decides, strictly after it.
    function test_needsRedo_linear_afterTail() public {
        _useHouse(_linear(36_000, TAIL));
        uint256 id = _kick();
        uint256 tic = block.timestamp;
        vm.warp(tic + TAIL);
        (bool needsRedo,,,) = auction.getStatus(id);
        assertTrue(!needsRedo, "at the tail exactly: still running");
        vm.warp(tic + TAIL + 1);
        (needsRedo,,,) = auction.getStatus(id);
        assertTrue(needsRedo, "after the tail");
        vm.prank(ALICE);
        vm.expectRevert(abi.encodeWithSelector(Errors.AuctionNeedsReset.selector, id));
        auction.take(id, 1 * C, type(uint256).max, ALICE);
    }

    // ---------------------------------------------------------------- take

    /// A partial take at the start price: the taker pays price x slice (rounded up); the kicker's incentive is
    /// paid first, the rest repays part of the debt.
    function test_take_partial() public {
        uint256 id = _kick();
        uint256 tab = _tab(id);
        uint256 coin = _kickCoin();
        uint256 owe = _valueUp(4 * C, 2160e8);
        assertEq(owe, 8640 * L, "4 at 2160");
        uint256 aliceStart = loan.balanceOf(ALICE);
        uint256 debtBefore = market.debtOf(address(auction));

        vm.expectEmit(true, true, false, true, address(auction));
        emit Take(id, ALICE, BOB, 2160e8, owe, 4 * C, tab - owe, 6 * C);
        vm.prank(ALICE);
        (uint256 slice, uint256 owe_) = auction.take(id, 4 * C, 2160e8, BOB);

        assertEq(slice, 4 * C, "slice");
        assertEq(owe_, owe, "owe");
        assertEq(aliceStart - loan.balanceOf(ALICE), owe, "the caller pays");
        assertEq(collateral.balanceOf(BOB), 4 * C, "`who` gets the collateral");
        assertEq(loan.balanceOf(KEEPER), coin, "the kicker's incentive first");
        assertApproxEqAbs(market.debtOf(address(auction)), debtBefore - (owe - coin), 1, "the rest repays debt");
        assertGe(market.debtOf(address(auction)), debtBefore - (owe - coin), "rounding favours lenders");
        assertEq(_tab(id), tab - owe, "tab left");
        assertEq(_lot(id), 6 * C, "lot left");
        assertEq(_moduleShares(), _shares(id), "the module's shares are the auction's");
        assertEq(market.insuranceFund(), 0, "no penalty before the debt is repaid");
        assertEq(loan.balanceOf(address(auction)), 0, "the module keeps no loan tokens");
        assertEq(collateral.balanceOf(address(auction)), 6 * C, "the module holds the lot left");
        _assertActive(_ids(id), "still running");
    }

    /// Asking for more than the tab pays for: the taker pays the tab exactly and gets the collateral it buys,
    /// rounded down; the auction ends by the tab, the rest of the lot returns to the borrower, no bad debt.
    function test_take_cappedAtTheTab_endsAndReturnsTheRestToTheBorrower() public {
        uint256 id = _kick();
        uint256 tab = _tab(id);
        uint256 coin = _kickCoin();
        uint256 slice = tab.mulDivDown(C * 1e8, 2160e8 * L);
        assertLt(_valueUp(slice, 2160e8), tab + 1, "the slice is worth at most the tab");
        assertGt(_valueUp(slice + 1, 2160e8), tab, "one more wei of collateral would be worth more");
        uint256 debt = market.debtOf(address(auction));
        uint256 aliceStart = loan.balanceOf(ALICE);

        vm.expectEmit(true, true, false, true, address(auction));
        emit Take(id, ALICE, ALICE, 2160e8, tab, slice, 0, 10 * C - slice);
        vm.expectEmit(true, true, false, true, address(auction));
        emit End(id, BORROWER, tab, slice, 10 * C - slice, 0);
        (uint256 slice_, uint256 owe) = _take(ALICE, id, 10 * C);

        assertEq(owe, tab, "pays the tab");
        assertEq(slice_, slice, "gets what the tab buys, rounded down");
        assertEq(aliceStart - loan.balanceOf(ALICE), tab, "paid the tab exactly");
        assertEq(collateral.balanceOf(ALICE), slice, "alice has the slice");
        assertEq(collateral.balanceOf(BORROWER), 1_000_000 * C - slice, "the borrower got the rest back");
        assertEq(loan.balanceOf(KEEPER), coin, "kicker paid");
        assertEq(market.insuranceFund(), tab - coin - debt, "the penalty joins the insurance fund");
        assertEq(market.debtOf(address(auction)), 0, "the debt is repaid");
        assertEq(_moduleShares(), 0, "no shares left");
        assertEq(market.totalBadDebt(), 0, "no bad debt");
        assertEq(loan.balanceOf(address(auction)), 0, "no loan tokens left");
        assertEq(collateral.balanceOf(address(auction)), 0, "no collateral left");
        assertEq(auction.active().length, 0, "nothing running");
        (address borrower, uint256 tab_, uint256 lot,,, uint256 shares) = auction.sales(id);
        assertEq(borrower, BORROWER, "an ended auction keeps its borrower");
        assertEq(tab_ + lot + shares, 0, "and nothing else");
        assertEq(auction.price(id), 0, "no price once ended");
    }

    function test_take_refusesAPriceAboveMaxZeroAmountsAndAuctionsNotRunning() public {
        vm.expectRevert(abi.encodeWithSelector(Errors.AuctionNotRunning.selector, 1));
        auction.take(1, 1 * C, type(uint256).max, ALICE);
        uint256 id = _kick();
        vm.warp(block.timestamp + 5 * STEP);
        uint256 price = auction.price(id);
        vm.prank(ALICE);
        vm.expectRevert(abi.encodeWithSelector(Errors.AuctionPriceAboveMax.selector, price, price - 1));
        auction.take(id, 1 * C, price - 1, ALICE);
        vm.prank(ALICE);
        vm.expectRevert(Errors.AmountIsZero.selector);
        auction.take(id, 0, type(uint256).max, ALICE);
        vm.prank(ALICE);
        auction.take(id, 1 * C, price, ALICE); // at maxPrice exactly
        vm.expectRevert(abi.encodeWithSelector(Errors.AuctionNotRunning.selector, 7));
        auction.take(7, 1 * C, type(uint256).max, ALICE);
        _take(ALICE, id, 10 * C);
        vm.prank(BOB);
        vm.expectRevert(abi.encodeWithSelector(Errors.AuctionNotRunning.selector, id));
        auction.take(id, 1 * C, type(uint256).max, BOB);
    }

    function test_take_refusedWhileTheAuctionNeedsAReset() public {
        uint256 id = _kick();
        vm.warp(block.timestamp + CUSP_TIME);
        vm.prank(ALICE);
        vm.expectRevert(abi.encodeWithSelector(Errors.AuctionNeedsReset.selector, id));
        auction.take(id, 1 * C, type(uint256).max, ALICE);
    }

    // ---------------------------------------------------------------- proceeds

    /// Proceeds pay, in order: the kicker's incentive, the resetter's, the debt (to the last share), then the
    /// penalty into the insurance fund.
    function test_proceeds_payTheKickerThenTheResetterThenTheDebtThenInsurance() public {
        uint256 id = _kick();
        uint256 owedK = _kickCoin();
        vm.warp(block.timestamp + CUSP_TIME);
        _setPrice(1700e8);
        uint256 owedR = TIP + _tab(id).wMulDown(CHIP);
        vm.prank(RESETTER);
        auction.redo(id, RESETTER);
        assertEq(_top(id), 2040e8, "restarted at 1700 x 1.2");

        // 0.1 at 2040 = 204 < the kicker's ~317: all of it to the kicker.
        (uint256 pk, uint256 pr) = _takeChecked(id, 0.1e18, owedK, owedR);
        assertEq(pk, 204 * L, "all to the kicker");
        assertEq(pr, 0, "nothing to the resetter yet");
        owedK -= pk;
        // 0.2 = 408: the rest of the kicker's, then the resetter's.
        (pk, pr) = _takeChecked(id, 0.2e18, owedK, owedR);
        assertEq(pk, owedK, "the kicker paid in full");
        assertEq(pr, 408 * L - owedK, "then the resetter");
        owedK = 0;
        owedR -= pr;
        // 1 = 2040: the rest of the resetter's, then the debt.
        (pk, pr) = _takeChecked(id, 1e18, owedK, owedR);
        assertEq(pr, owedR, "the resetter paid in full");
        assertEq(pk, 0, "nothing more to the kicker");
        // The rest of the lot: capped at the tab, the debt to the last share, then the penalty.
        (pk, pr) = _takeChecked(id, 10 * C, 0, 0);
        assertEq(pk + pr, 0, "no incentive left");
        assertEq(auction.active().length, 0, "ended by the tab");
        assertEq(market.totalBadDebt(), 0, "no bad debt");
        assertGt(market.insuranceFund(), 0, "the penalty reached the insurance fund");
        assertGt(collateral.balanceOf(BORROWER), 1_000_000 * C - 10 * C, "collateral returned");
    }

    /// @dev Takes `amt` from `id` by alice and checks the proceeds' route: the kicker gets up to `owedK`, the
    ///      resetter up to `owedR`, the debt the rest, the insurance fund what exceeds the debt.
    function _takeChecked(uint256 id, uint256 amt, uint256 owedK, uint256 owedR) internal returns (uint256 pk, uint256 pr) {
        uint256 k = loan.balanceOf(KEEPER);
        uint256 r = loan.balanceOf(RESETTER);
        uint256 fund = market.insuranceFund();
        uint256 debt = market.debtOf(address(auction));
        (, uint256 owe) = _take(ALICE, id, amt);
        pk = loan.balanceOf(KEEPER) - k;
        pr = loan.balanceOf(RESETTER) - r;
        assertEq(pk, MathLib.min(owedK, owe), "the kicker first");
        assertEq(pr, MathLib.min(owedR, owe - pk), "the resetter next");
        uint256 toDebt = owe - pk - pr;
        if (toDebt < debt) {
            assertApproxEqAbs(market.debtOf(address(auction)), debt - toDebt, 1, "then the debt");
            assertEq(market.insuranceFund(), fund, "no penalty before the debt is repaid");
        } else {
            assertEq(market.debtOf(address(auction)), 0, "the debt repaid");
            assertEq(market.insuranceFund(), fund + toDebt - debt, "the penalty last");
        }
        assertEq(loan.balanceOf(address(auction)), 0, "the module keeps no loan tokens");
    }

    // ---------------------------------------------------------------- endings

    /// The lot runs out below the tab: the debt not raised is written off, the insurance fund first, lenders
    /// the rest; the kicker is still paid first out of what was raised.
    function test_end_lotSold_writesOffTheUnraisedDebt_insuranceFirstThenLenders() public {
        vm.prank(LIQUIDATOR);
        market.fundInsurance(1_000 * L);
        uint256 id = _kick();
        uint256 coin = _kickCoin();
        vm.warp(block.timestamp + CUSP_TIME - 1); // the last price above cusp: 2160 x 0.99^91 ~ 865.5
        uint256 price = auction.price(id);
        uint256 owe = _valueUp(10 * C, price);
        uint256 debt = market.debtOf(address(auction));
        assertLt(owe, debt, "the lot is worth less than the debt");

        (uint256 supplyAssets,,,) = market.expectedTotals();
        uint256 repaid = owe - coin;
        uint256 bad = _writeOffAfterRepaying(_shares(id), repaid);
        uint256 lenderBefore = market.supplyBalanceOf(LENDER);

        _expectLotSold(id, owe, bad);
        _take(ALICE, id, 10 * C);

        assertEq(loan.balanceOf(KEEPER), coin, "the kicker is paid first");
        assertEq(collateral.balanceOf(ALICE), 10 * C, "the whole lot sold");
        assertEq(collateral.balanceOf(BORROWER), 1_000_000 * C - 10 * C, "nothing returned");
        assertEq(market.totalBadDebt(), bad, "the rest is bad debt");
        assertApproxEqAbs(bad + repaid, debt, 1, "bad debt + repaid = the debt");
        assertGe(bad + repaid, debt, "rounding favours lenders");
        assertEq(market.insuranceFund(), 0, "the insurance fund paid first");
        assertEq(market.totalSocializedLoss(), bad - 1_000 * L, "lenders the rest");
        assertEq(supplyAssets - market.totalSupplyAssets(), bad - 1_000 * L, "supply absorbs the socialized part");
        assertApproxEqAbs(lenderBefore - market.supplyBalanceOf(LENDER), bad - 1_000 * L, 2, "the lender's claim falls");
        assertEq(market.debtOf(address(auction)), 0, "the module owes nothing");
        assertEq(market.totalBorrowShares(), 0, "no shares left");
        assertEq(auction.active().length, 0, "ended");
    }

    /// @dev Expects the Take and End events of selling auction `id`'s whole 10-coin lot for `owe` at its price now.
    function _expectLotSold(uint256 id, uint256 owe, uint256 bad) internal {
        uint256 price = auction.price(id);
        vm.expectEmit(true, true, false, true, address(auction));
        emit Take(id, ALICE, ALICE, price, owe, 10 * C, _tab(id) - owe, 0);
        vm.expectEmit(true, true, false, true, address(auction));
        emit End(id, BORROWER, owe, 10 * C, 0, bad);
    }

    /// @dev The write-off left after the module repays `repaid` of an auction holding `shares` (market.repay
    ///      burns shares rounded down, writeOff values the rest rounded up).
    function _writeOffAfterRepaying(uint256 shares, uint256 repaid) internal view returns (uint256) {
        (,, uint256 borrowAssets, uint256 borrowShares) = market.expectedTotals();
        uint256 burned = repaid.toSharesDown(borrowAssets, borrowShares);
        return (shares - burned).toAssetsUp(borrowAssets - repaid, borrowShares - burned);
    }

    // ---------------------------------------------------------------- redo

    function test_redo_refusedUntilTheAuctionNeedsIt() public {
        vm.expectRevert(abi.encodeWithSelector(Errors.AuctionNotRunning.selector, 1));
        auction.redo(1, RESETTER);
        uint256 id = _kick();
        vm.expectRevert(abi.encodeWithSelector(Errors.AuctionDoesNotNeedReset.selector, id));
        auction.redo(id, RESETTER);
        _warpFresh(CUSP_TIME - 1);
        vm.expectRevert(abi.encodeWithSelector(Errors.AuctionDoesNotNeedReset.selector, id));
        auction.redo(id, RESETTER);
        _warpFresh(1);
        auction.redo(id, RESETTER);
    }

    /// After the tail (linear, long tau): restarts at the oracle price now x buf, owes the resetter tip + chip x tab.
    function test_redo_afterTheTail_restartsAtOraclePriceTimesBuf() public {
        _useHouse(_linear(36_000, TAIL));
        uint256 id = _kick();
        vm.warp(block.timestamp + TAIL);
        _setPrice(1700e8);
        vm.expectRevert(abi.encodeWithSelector(Errors.AuctionDoesNotNeedReset.selector, id));
        auction.redo(id, RESETTER);
        vm.warp(block.timestamp + 1);
        uint256 tab = _tab(id);
        uint256 coin = TIP + tab.wMulDown(CHIP);
        vm.expectEmit(true, true, false, true, address(auction));
        emit Redo(id, 2040e8, RESETTER, coin);
        auction.redo(id, RESETTER);
        assertEq(_top(id), 2040e8, "1700 x 1.2");
        assertEq(_tic(id), block.timestamp, "restarted now");
        assertEq(_tab(id), tab + coin, "the resetter's incentive joins the tab");
        assertEq(auction.price(id), 2040e8, "priced at the new top");
        (bool needsRedo,,,) = auction.getStatus(id);
        assertTrue(!needsRedo, "takeable again");
        _take(ALICE, id, 1 * C);
        assertEq(_lot(id), 9 * C, "taken");
    }

    /// Below cusp (exponential, before the tail); a second reset replaces the first resetter's unpaid incentive.
    function test_redo_replacesAnUnpaidResetterIncentive() public {
        uint256 id = _kick();
        uint256 coinK = _kickCoin();
        _warpFresh(CUSP_TIME);
        uint256 tab0 = _tab(id);
        uint256 coin1 = TIP + tab0.wMulDown(CHIP);
        auction.redo(id, RESETTER);
        assertEq(_tab(id), tab0 + coin1, "first reset");
        _warpFresh(CUSP_TIME);
        uint256 coin2 = TIP + (tab0 + coin1).wMulDown(CHIP);
        auction.redo(id, RESETTER2);
        assertEq(_tab(id), tab0 + coin2, "the second reset replaces the first's incentive");
        _take(ALICE, id, 10 * C);
        assertEq(loan.balanceOf(KEEPER), coinK, "the kicker is paid");
        assertEq(loan.balanceOf(RESETTER), 0, "the replaced resetter gets nothing");
        assertEq(loan.balanceOf(RESETTER2), coin2, "the latest resetter is paid");
    }

    /// A reset after a take paid part of the resetter's incentive replaces only the unpaid part.
    function test_redo_replacesOnlyTheUnpaidPartOfAResetterIncentive() public {
        uint256 id = _kick();
        uint256 coinK = _kickCoin();
        _warpFresh(CUSP_TIME);
        uint256 coin1 = TIP + _tab(id).wMulDown(CHIP);
        auction.redo(id, RESETTER); // top 2160 again
        (, uint256 owe) = _take(ALICE, id, 0.2e18); // 432: the kicker's ~317, then ~115 of the resetter's
        uint256 paidR = owe - coinK;
        assertEq(loan.balanceOf(RESETTER), paidR, "part of the resetter's incentive paid");
        _warpFresh(CUSP_TIME);
        uint256 tab = _tab(id);
        uint256 coin2 = TIP + tab.wMulDown(CHIP);
        auction.redo(id, RESETTER2);
        assertEq(_tab(id), tab - (coin1 - paidR) + coin2, "the unpaid part replaced");
        _take(ALICE, id, 10 * C);
        assertEq(loan.balanceOf(RESETTER), paidR, "the first resetter keeps what it was paid, no more");
        assertEq(loan.balanceOf(RESETTER2), coin2, "the latest resetter paid in full");
    }

    function test_redo_refusesAStaleOracle() public {
        uint256 id = _kick();
        uint256 updatedAt = block.timestamp;
        vm.warp(block.timestamp + CUSP_TIME);
        vm.expectRevert(abi.encodeWithSelector(Errors.OracleAnswerStale.selector, updatedAt, MAX_AGE));
        auction.redo(id, RESETTER);
    }

    // ---------------------------------------------------------------- several auctions

    /// Four auctions side by side: ending one moves the last id into its slot (swap and pop).
    function test_active_swapAndPop_withSeveralAuctions() public {
        _fund(BORROWER3);
        _fund(BORROWER4);
        _open(BORROWER2, 10 * C, 15_000 * L);
        _open(BORROWER3, 10 * C, 15_000 * L);
        _open(BORROWER4, 10 * C, 15_000 * L);
        _underwater();
        address[4] memory bs = [BORROWER, BORROWER2, BORROWER3, BORROWER4];
        uint256 sharesSum;
        for (uint256 i; i < 4; ++i) {
            assertEq(auction.kick(bs[i], KEEPER), i + 1, "ids in order");
            sharesSum += _shares(i + 1);
        }
        assertEq(_moduleShares(), sharesSum, "the module owes all four");
        assertEq(collateral.balanceOf(address(auction)), 40 * C, "holds all four lots");
        uint256[] memory expected = new uint256[](4);
        (expected[0], expected[1], expected[2], expected[3]) = (1, 2, 3, 4);
        _assertActive(expected, "all four");

        _take(ALICE, 1, 10 * C);
        expected = new uint256[](3);
        (expected[0], expected[1], expected[2]) = (4, 2, 3);
        _assertActive(expected, "the last moved into the first slot");
        _take(ALICE, 3, 10 * C);
        expected = new uint256[](2);
        (expected[0], expected[1]) = (4, 2);
        _assertActive(expected, "the last popped");
        _take(ALICE, 4, 10 * C);
        _assertActive(_ids(2), "the first slot again");
        assertEq(_moduleShares(), _shares(2), "only auction 2's shares left");
        assertEq(collateral.balanceOf(address(auction)), 10 * C, "only auction 2's lot left");

        // The first borrower borrows again and is kicked again: a new id joins the running one.
        _deposit(BORROWER, 10 * C);
        _borrow(BORROWER, 13_000 * L);
        _setPrice(1600e8);
        assertEq(auction.kick(BORROWER, KEEPER), 5, "ids never reused");
        expected = new uint256[](2);
        (expected[0], expected[1]) = (2, 5);
        _assertActive(expected, "pushed at the end");
        assertEq(auction.count(), 5, "count");
        (bool needsRedo, uint256 price, uint256 lot, uint256 tab) = auction.getStatus(1);
        assertTrue(!needsRedo && price + lot + tab == 0, "an ended auction reports zeros");
        _take(ALICE, 2, 10 * C);
        _take(ALICE, 5, 10 * C);
        assertEq(auction.active().length, 0, "all ended");
        assertEq(_moduleShares(), 0, "all settled");
    }

    // ---------------------------------------------------------------- fuzz

    /// @dev Any take, at any time (reset first when needed), pays at most the tab and gets at most the lot, at
    ///      the auction's price; every loan unit paid reaches the keepers or the market and the module keeps
    ///      none; the collateral is conserved between the taker, the borrower and the module.
    function testFuzz_take_anyAmountAnyTime_staysWithinTabAndLotAndBalances(uint256 amt, uint256 wait, uint256 price0)
        public
    {
        TakeCase memory t;
        t.id = _kick();
        _warpFresh(bound(wait, 0, 3 * TAIL));
        _setPrice(int256(bound(price0, 1000e8, 3000e8)));
        (bool needsRedo,,,) = auction.getStatus(t.id);
        if (needsRedo) auction.redo(t.id, RESETTER);
        (, t.tab, t.lot,,,) = auction.sales(t.id);
        t.price = auction.price(t.id);
        t.amt = bound(amt, 1, 2 * t.lot);

        Balances memory b = _balances();
        vm.prank(ALICE);
        (t.slice, t.owe) = auction.take(t.id, t.amt, t.price, ALICE);
        _checkTake(t, b);
    }

    struct TakeCase {
        uint256 id;
        uint256 amt;
        uint256 tab;
        uint256 lot;
        uint256 price;
        uint256 slice;
        uint256 owe;
    }

    struct Balances {
        uint256 aliceLoan;
        uint256 aliceColl;
        uint256 borrowerColl;
        uint256 keepers;
        uint256 marketLoan;
    }

    function _balances() internal view returns (Balances memory b) {
        b.aliceLoan = loan.balanceOf(ALICE);
        b.aliceColl = collateral.balanceOf(ALICE);
        b.borrowerColl = collateral.balanceOf(BORROWER);
        b.keepers = loan.balanceOf(KEEPER) + loan.balanceOf(RESETTER);
        b.marketLoan = loan.balanceOf(address(market));
    }

    function _checkTake(TakeCase memory t, Balances memory b) internal view {
        assertLe(t.owe, t.tab, "never pays more than the tab");
        assertLe(t.slice, t.lot, "never gets more than the lot");
        assertLe(t.slice, t.amt, "never more than asked");
        if (t.owe < t.tab) {
            assertEq(t.slice, MathLib.min(t.amt, t.lot), "below the tab: the amount asked (or the lot)");
            assertEq(t.owe, _valueUp(t.slice, t.price), "at the price, rounded up");
        } else {
            assertLe(_valueUp(t.slice, t.price), t.tab, "the tab buys the slice");
        }
        assertEq(b.aliceLoan - loan.balanceOf(ALICE), t.owe, "the taker paid owe");
        assertEq(collateral.balanceOf(ALICE) - b.aliceColl, t.slice, "the taker got the slice");
        uint256 returned = collateral.balanceOf(BORROWER) - b.borrowerColl;
        uint256 lotLeft = _lot(t.id);
        assertEq(t.slice + returned + lotLeft, t.lot, "collateral conserved");
        assertEq(collateral.balanceOf(address(auction)), lotLeft, "the module holds the lot left");
        assertTrue(returned == 0 || t.owe == t.tab, "collateral returns only when the tab is raised");
        assertEq(loan.balanceOf(address(auction)), 0, "the module keeps no loan tokens");
        uint256 paidOut = loan.balanceOf(KEEPER) + loan.balanceOf(RESETTER) - b.keepers;
        assertEq(paidOut + loan.balanceOf(address(market)) - b.marketLoan, t.owe, "every unit paid reaches keepers or the market");
    }

    /// @dev Taking the whole lot at any price before a reset settles the debt: repaid plus written off make the
    ///      debt (rounding to the lenders' side), a penalty only when the debt is repaid.
    function testFuzz_takeTheLot_settlesTheDebtWhateverTheTime(uint256 wait) public {
        vm.prank(LIQUIDATOR);
        market.fundInsurance(500 * L);
        uint256 id = _kick();
        vm.warp(block.timestamp + bound(wait, 0, CUSP_TIME - 1));
        uint256 coin = _kickCoin();
        uint256 debt = market.debtOf(address(auction));
        (, uint256 owe) = _take(ALICE, id, 10 * C);
        uint256 toDebt = owe.zeroFloorSub(coin);
        uint256 bad = market.totalBadDebt();
        if (toDebt >= debt) {
            assertEq(bad, 0, "no bad debt");
            assertEq(market.insuranceFund(), 500 * L + toDebt - debt, "the penalty to insurance");
        } else {
            assertApproxEqAbs(bad + toDebt, debt, 1, "repaid + written off = the debt");
            assertGe(bad + toDebt, debt, "rounding favours lenders");
            assertEq(market.insuranceFund(), 500 * L - MathLib.min(bad, 500 * L), "insurance first");
        }
        assertEq(loan.balanceOf(KEEPER), MathLib.min(coin, owe), "the kicker first");
        assertEq(market.debtOf(address(auction)), 0, "nothing owed");
        assertEq(auction.active().length, 0, "ended");
    }

    /// @dev The price never exceeds top and never rises between resets, for either decay.
    function testFuzz_price_neverAboveTopNorRising(uint256 t1, uint256 t2, bool linear) public {
        if (linear) _useHouse(_linear(3600, TAIL));
        uint256 id = _kick();
        uint256 tic = block.timestamp;
        t1 = bound(t1, 0, 30_000);
        t2 = bound(t2, t1, 30_000);
        vm.warp(tic + t1);
        uint256 p1 = auction.price(id);
        vm.warp(tic + t2);
        uint256 p2 = auction.price(id);
        assertLe(p1, 2160e8, "never above top");
        assertLe(p2, p1, "never rising");
    }

    // ---------------------------------------------------------------- zero keepers, interest beyond the penalty

    /// A zero kicker would block the auction for good: its incentive is paid by transfer out of every take
    /// (ERC20InvalidReceiver), and a reset does not replace the kicker. Refused at kick and at reset.
    function test_kickAndRedo_refuseAZeroKeeper() public {
        _underwater();
        vm.expectRevert(Errors.AddressIsZero.selector);
        auction.kick(BORROWER, address(0));
        vm.prank(KEEPER);
        uint256 id = auction.kick(BORROWER, KEEPER);
        _warpFresh(CUSP_TIME);
        vm.expectRevert(Errors.AddressIsZero.selector);
        auction.redo(id, address(0));
    }

    /// The tab is set at kick but the auction's debt keeps accruing on the module's market account. When the
    /// interest outgrows the penalty (chop = 1, a legal parameter, after ten steps of interest), the tab a take
    /// pays against is the debt now: the auction ends having repaid all of it, with no bad debt, and only then
    /// returns the rest of the lot.
    function test_end_tabRaised_neverWritesOffDebtWhileReturningCollateral() public {
        DutchAuctionParams memory p = _params();
        (p.chop, p.chip, p.tip) = (1e18, 0, 0);
        _useHouse(p);
        uint256 id = _kick();
        vm.warp(block.timestamp + 10 * STEP); // 2160 x 0.99^10 ~ 1953: the lot is worth more than the tab
        (,,, uint256 tabNow) = auction.getStatus(id);
        (, uint256 tabAtKick,,,,) = auction.sales(id);
        assertGt(tabNow, tabAtKick, "the debt outgrew the tab set at kick");
        _take(ALICE, id, 10 * C);
        assertEq(auction.active().length, 0, "the auction ended");
        assertGt(collateral.balanceOf(BORROWER), 1_000_000 * C - 10 * C, "ended by the tab: collateral returned");
        assertEq(market.totalBadDebt(), 0, "no bad debt while collateral went back to the borrower");
        (, uint256 moduleShares,) = market.positions(address(auction));
        assertEq(moduleShares, 0, "the module owes nothing");
    }
}

/// @notice A low-decimal collateral (8, like WBTC) against an 18-decimal loan token: one collateral base unit
///         is worth about 2e13 loan base units at 2000. Without a dust rule (Maker's `chost`) a take could leave a
///         tab below one collateral unit's price that no take can clear; the auction makes the taker pay it.
contract DutchAuctionLowDecimalsTest is MarketTestBase {
    using MathLib for uint256;

    address internal constant ALICE = address(0xA11CE);
    address internal constant KEEPER = address(0x4EE9);

    DutchAuction internal auction;

    constructor() MarketTestBase(8, 18) {}

    function setUp() public override {
        super.setUp();
        auction = new DutchAuction(market, DutchAuctionParams(1.2e18, 1.13e18, 8400, 0.4e18, 1, 0, 0.99e18, 90, 0.001e18, 300e18));
        market.setLiquidationModule(ILiquidationModule(address(auction)));
        _open(BORROWER, 10 * C, 15_000 * L);
        loan.mint(ALICE, 1_000_000 * L);
        vm.prank(ALICE);
        loan.approve(address(auction), type(uint256).max);
    }

    function test_take_leavingATabBelowOneCollateralUnit_paysTheDustAndEndsTheAuction() public {
        vm.warp(block.timestamp + 12);
        _setPrice(1800e8);
        uint256 id = auction.kick(BORROWER, KEEPER);
        (, uint256 tab, uint256 lotAtKick,,,) = auction.sales(id);
        uint256 perUnit = uint256(1).mulDivUp(2160e8 * L, C * 1e8); // one collateral base unit at 2160
        assertEq(perUnit, 2.16e13, "one satoshi costs 2.16e13 loan units");
        assertTrue(tab % perUnit != 0, "buying floor(tab / price) units would leave a dust tab");

        // Buying exactly the units the tab pays for would leave less than one unit's price, which no take could
        // ever pay off (its slice rounds to zero): the taker pays the dust as well, and the auction ends.
        uint256 before = loan.balanceOf(ALICE);
        vm.prank(ALICE);
        (uint256 slice, uint256 owe) = auction.take(id, tab / perUnit, type(uint256).max, ALICE);
        assertEq(slice, tab / perUnit, "the slice asked for");
        assertEq(owe, tab, "paid the whole tab, dust included");
        assertLt(owe - slice * perUnit, perUnit, "the dust is less than one unit's price");
        assertEq(before - loan.balanceOf(ALICE), tab, "the taker paid it");
        assertEq(auction.active().length, 0, "ended by the tab");
        assertEq(collateral.balanceOf(address(auction)), 0, "the module holds nothing");
        assertEq(collateral.balanceOf(BORROWER) + slice, 1_000_000 * C - 10 * C + lotAtKick, "the rest returned");
    }
}
