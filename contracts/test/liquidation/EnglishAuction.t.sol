// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Errors} from "../../src/libraries/Errors.sol";
import {MathLib} from "../../src/libraries/MathLib.sol";
import {ILendingMarket} from "../../src/lending/ILendingMarket.sol";
import {ILiquidationModule} from "../../src/lending/ILiquidationModule.sol";
import {SharesMathLib} from "../../src/lending/libraries/SharesMathLib.sol";
import {EnglishAuction, EnglishAuctionParams} from "../../src/liquidation/EnglishAuction.sol";
import {MarketTestBase} from "../lending/MarketTestBase.sol";

/// @notice EnglishAuction (Flipper after Maker's March 2020 settings: beg 3%, ttl 10 minutes, tau 6 hours,
///         chop 13%) as the liquidation module of the base's market (18-decimal collateral, 6-decimal loan,
///         fixed 75/80 design at 2000). The borrower posts 10 collateral and borrows 15,000; at 1800 its
///         health factor is 0.96 and the position can be kicked.
contract EnglishAuctionTest is MarketTestBase {
    using MathLib for uint256;
    using SharesMathLib for uint256;

    uint256 internal constant BEG = 1.03e18;
    uint256 internal constant TTL = 600;
    uint256 internal constant TAU = 21_600;
    uint256 internal constant CHOP = 1.13e18;

    address internal constant ALICE = address(0xA11CE);
    address internal constant BOB = address(0xB0B0);
    address internal constant KEEPER = address(0x4EE9);

    EnglishAuction internal auction;

    event Kick(uint256 indexed id, address indexed borrower, uint256 tab, uint256 lot, uint256 end);
    event Tend(uint256 indexed id, address indexed guy, uint256 lot, uint256 bid);
    event Dent(uint256 indexed id, address indexed guy, uint256 lot, uint256 bid);
    event Tick(uint256 indexed id, uint256 end);
    event Deal(
        uint256 indexed id,
        address indexed winner,
        address indexed borrower,
        uint256 bid,
        uint256 lot,
        uint256 collateralReturned,
        uint256 badDebt
    );

    constructor() MarketTestBase(18, 6) {}

    function setUp() public override {
        super.setUp();
        auction = new EnglishAuction(market, EnglishAuctionParams(BEG, TTL, TAU, CHOP));
        market.setLiquidationModule(ILiquidationModule(address(auction)));
        _open(BORROWER, 10 * C, 15_000 * L);
        _bidder(ALICE);
        _bidder(BOB);
        _bidder(KEEPER);
    }

    function _bidder(address account) internal {
        loan.mint(account, 1_000_000 * L);
        vm.prank(account);
        loan.approve(address(auction), type(uint256).max);
    }

    function _underwater() internal {
        vm.warp(block.timestamp + 12);
        _setPrice(1800e8);
    }

    function _kick() internal returns (uint256 id) {
        _underwater();
        vm.prank(KEEPER);
        id = auction.kick(BORROWER);
    }

    function _auction(uint256 id)
        internal
        view
        returns (uint256 bid, uint256 lot, address guy, uint256 tic, uint256 end, uint256 tab, uint256 shares)
    {
        address borrower;
        (bid, lot, guy, tic, end, borrower, tab, shares) = auction.bids(id);
    }

    function _tab(uint256 id) internal view returns (uint256 tab) {
        (,,,,, tab,) = _auction(id);
    }

    function _lot(uint256 id) internal view returns (uint256 lot) {
        (, lot,,,,,) = _auction(id);
    }

    function _tic(uint256 id) internal view returns (uint256 tic) {
        (,,, tic,,,) = _auction(id);
    }

    function _end(uint256 id) internal view returns (uint256 end) {
        (,,,, end,,) = _auction(id);
    }

    function _tend(address who, uint256 id, uint256 bid) internal {
        uint256 lot = _lot(id);
        vm.prank(who);
        auction.tend(id, lot, bid);
    }

    function _dent(address who, uint256 id, uint256 lot) internal {
        uint256 tab = _tab(id);
        vm.prank(who);
        auction.dent(id, lot, tab);
    }

    function _moduleShares() internal view returns (uint256 shares) {
        (, shares,) = market.positions(address(auction));
    }

    // ---------------------------------------------------------------- constructor

    function test_constructor_refusesBadParameters() public {
        vm.expectRevert(Errors.AddressIsZero.selector);
        new EnglishAuction(ILendingMarket(address(0)), EnglishAuctionParams(BEG, TTL, TAU, CHOP));
        vm.expectRevert(abi.encodeWithSelector(Errors.BegOutOfRange.selector, 1e18));
        new EnglishAuction(market, EnglishAuctionParams(1e18, TTL, TAU, CHOP));
        vm.expectRevert(abi.encodeWithSelector(Errors.EnglishAuctionDurationOutOfRange.selector, 0));
        new EnglishAuction(market, EnglishAuctionParams(BEG, 0, TAU, CHOP));
        vm.expectRevert(abi.encodeWithSelector(Errors.EnglishAuctionDurationOutOfRange.selector, 0));
        new EnglishAuction(market, EnglishAuctionParams(BEG, TTL, 0, CHOP));
        uint256 tooLong = uint256(type(uint32).max) + 1;
        vm.expectRevert(abi.encodeWithSelector(Errors.EnglishAuctionDurationOutOfRange.selector, tooLong));
        new EnglishAuction(market, EnglishAuctionParams(BEG, TTL, tooLong, CHOP));
        vm.expectRevert(abi.encodeWithSelector(Errors.EnglishAuctionChopBelowOne.selector, 1e18 - 1));
        new EnglishAuction(market, EnglishAuctionParams(BEG, TTL, TAU, 1e18 - 1));
    }

    function test_constructor_setsParametersAndApprovesTheMarketOnce() public view {
        assertEq(address(auction.market()), address(market), "market");
        assertEq(address(auction.loanToken()), address(loan), "loan token");
        assertEq(address(auction.collateralToken()), address(collateral), "collateral token");
        assertEq(auction.beg(), BEG, "beg");
        assertEq(auction.ttl(), TTL, "ttl");
        assertEq(auction.tau(), TAU, "tau");
        assertEq(auction.chop(), CHOP, "chop");
        assertEq(auction.count(), 0, "no auction yet");
        assertEq(auction.active().length, 0, "none active");
        assertEq(loan.allowance(address(auction), address(market)), type(uint256).max, "market approved");
        assertTrue(auction.takesLiquidation(BORROWER, 1, 1), "takes every liquidation");
    }

    // ---------------------------------------------------------------- kick

    function test_kick_takesThePositionWholeAndOpensTheAuction() public {
        _underwater();
        (, uint256 sharesBefore,) = market.positions(BORROWER);
        uint256 debt = market.debtOf(BORROWER);
        uint256 tab = debt.wMulUp(CHOP);
        vm.expectEmit(true, true, false, true, address(auction));
        emit Kick(1, BORROWER, tab, 10 * C, block.timestamp + TAU);
        vm.prank(KEEPER);
        uint256 id = auction.kick(BORROWER);

        assertEq(id, 1, "first id");
        assertEq(auction.count(), 1, "count");
        (uint256 bid, uint256 lot, address guy, uint48 tic, uint48 end, address borrower, uint256 tab_, uint256 shares) =
            auction.bids(id);
        assertEq(bid, 0, "no bid");
        assertEq(lot, 10 * C, "all the collateral");
        assertEq(guy, address(0), "no bidder");
        assertEq(uint256(tic), 0, "no tic");
        assertEq(uint256(end), block.timestamp + TAU, "ends after tau");
        assertEq(borrower, BORROWER, "borrower");
        assertEq(tab_, tab, "tab = debt x chop, rounded up");
        assertEq(shares, sharesBefore, "the position's shares");
        assertEq(_moduleShares(), shares, "the module owes them");
        assertEq(collateral.balanceOf(address(auction)), 10 * C, "the module holds the lot");
        uint256[] memory ids = auction.active();
        assertEq(ids.length, 1, "one running");
        assertEq(ids[0], 1, "id 1 running");
    }

    function test_kick_refusesHealthyPositionsItsOwnAccountAndNoDebt() public {
        vm.expectRevert(abi.encodeWithSelector(Errors.PositionNotLiquidatable.selector, market.healthFactor(BORROWER)));
        auction.kick(BORROWER);
        _kick();
        vm.expectRevert(Errors.EnglishAuctionCannotKickItself.selector);
        auction.kick(address(auction));
        vm.expectRevert(Errors.PositionHasNoDebt.selector);
        auction.kick(BORROWER);
    }

    /// The market refuses direct liquidations while the module takes them (always).
    function test_liquidate_isRoutedToTheAuction() public {
        _underwater();
        vm.prank(LIQUIDATOR);
        vm.expectRevert(abi.encodeWithSelector(Errors.LiquidationRoutedToModule.selector, address(auction)));
        market.liquidate(BORROWER, type(uint256).max);
        _kick();
        vm.prank(LIQUIDATOR);
        vm.expectRevert(abi.encodeWithSelector(Errors.LiquidationRoutedToModule.selector, address(auction)));
        market.liquidate(address(auction), type(uint256).max);
    }

    // ---------------------------------------------------------------- a competitive auction

    /// Two bidders: the increment is enforced, each outbid bidder is refunded exactly, the tab is reached,
    /// the dent phase gives collateral back to the borrower, the penalty joins the insurance fund.
    function test_competitiveAuction_tendToTabThenDentReturnsCollateral() public {
        uint256 id = _kick();
        uint256 tab = _tab(id);
        uint256 aliceStart = loan.balanceOf(ALICE);
        uint256 bobStart = loan.balanceOf(BOB);

        vm.expectEmit(true, true, false, true, address(auction));
        emit Tend(id, ALICE, 10 * C, 10_000 * L);
        _tend(ALICE, id, 10_000 * L);
        assertEq(aliceStart - loan.balanceOf(ALICE), 10_000 * L, "alice paid her bid");
        assertEq(loan.balanceOf(address(auction)), 10_000 * L, "the module holds the bid");
        assertEq(_tic(id), block.timestamp + TTL, "the bid lives ttl");

        vm.prank(BOB);
        vm.expectRevert(abi.encodeWithSelector(Errors.BidIncreaseTooSmall.selector, 10_300 * L - 1, 10_300 * L));
        auction.tend(id, 10 * C, 10_300 * L - 1);
        vm.warp(block.timestamp + 300);
        _tend(BOB, id, 10_300 * L);
        assertEq(loan.balanceOf(ALICE), aliceStart, "alice refunded exactly");
        assertEq(bobStart - loan.balanceOf(BOB), 10_300 * L, "bob paid his bid");
        assertEq(loan.balanceOf(address(auction)), 10_300 * L, "the module holds bob's bid only");

        // A jump to the tab is always allowed; nothing above it, nothing equal to it in the tend phase.
        _tend(ALICE, id, tab);
        assertEq(loan.balanceOf(BOB), bobStart, "bob refunded exactly");
        vm.prank(BOB);
        vm.expectRevert(abi.encodeWithSelector(Errors.BidAboveTab.selector, tab + 1, tab));
        auction.tend(id, 10 * C, tab + 1);
        vm.prank(BOB);
        vm.expectRevert(abi.encodeWithSelector(Errors.BidNotHigher.selector, tab, tab));
        auction.tend(id, 10 * C, tab);

        // Dent phase: at least 3% less collateral for the tab each time.
        uint256 lot1 = uint256(10 * C).mulDivDown(1e18, BEG);
        vm.prank(BOB);
        vm.expectRevert(abi.encodeWithSelector(Errors.LotDecreaseTooSmall.selector, lot1 + 1, lot1));
        auction.dent(id, lot1 + 1, tab);
        vm.expectEmit(true, true, false, true, address(auction));
        emit Dent(id, BOB, lot1, tab);
        _dent(BOB, id, lot1);
        assertEq(loan.balanceOf(ALICE), aliceStart, "alice refunded the tab");
        assertEq(bobStart - loan.balanceOf(BOB), tab, "bob paid the tab");
        assertEq(collateral.balanceOf(BORROWER), 1_000_000 * C - 10 * C + (10 * C - lot1), "given-up collateral to the borrower");
        assertEq(collateral.balanceOf(address(auction)), lot1, "the module holds the smaller lot");

        uint256 lot2 = lot1.mulDivDown(1e18, BEG);
        _dent(ALICE, id, lot2);
        assertEq(loan.balanceOf(BOB), bobStart, "bob refunded the tab");
        assertEq(auction.collateralReturned(id), 10 * C - lot2, "returned so far");

        vm.warp(block.timestamp + TTL + 1);
        vm.prank(BOB);
        vm.expectRevert(abi.encodeWithSelector(Errors.EnglishAuctionBidExpired.selector, id, block.timestamp - 1));
        auction.dent(id, lot2 / 2, tab);

        uint256 debt = market.debtOf(address(auction));
        uint256 fundBefore = market.insuranceFund();
        vm.expectEmit(true, true, true, true, address(auction));
        emit Deal(id, ALICE, BORROWER, tab, lot2, 10 * C - lot2, 0);
        auction.deal(id);
        assertEq(collateral.balanceOf(ALICE), lot2, "alice wins the lot");
        assertEq(collateral.balanceOf(BORROWER), 1_000_000 * C - lot2, "the borrower kept the rest");
        assertEq(aliceStart - loan.balanceOf(ALICE), tab, "alice paid the tab");
        assertEq(market.insuranceFund() - fundBefore, tab - debt, "the penalty joins the insurance fund");
        assertEq(market.debtOf(address(auction)), 0, "the debt is repaid");
        assertEq(market.totalBadDebt(), 0, "no bad debt");
        assertEq(loan.balanceOf(address(auction)), 0, "the module keeps no loan tokens");
        assertEq(collateral.balanceOf(address(auction)), 0, "the module keeps no collateral");
        assertEq(auction.active().length, 0, "nothing running");
        (uint256 bid,, address guy,, uint48 end,,,) = auction.bids(id);
        assertEq(bid + uint256(end), 0, "the record is deleted");
        assertEq(guy, address(0), "no guy left");
        vm.expectRevert(abi.encodeWithSelector(Errors.EnglishAuctionNotFound.selector, id));
        auction.deal(id);
    }

    /// Raising one's own bid pays only the difference; a dent by the current holder moves no loan tokens.
    function test_tendAndDent_byTheCurrentBidder_payOnlyTheDifference() public {
        uint256 id = _kick();
        uint256 tab = _tab(id);
        uint256 start = loan.balanceOf(ALICE);
        _tend(ALICE, id, 1_000 * L);
        _tend(ALICE, id, 2_000 * L);
        assertEq(start - loan.balanceOf(ALICE), 2_000 * L, "paid 2,000 in all");
        _tend(ALICE, id, tab);
        assertEq(start - loan.balanceOf(ALICE), tab, "paid the tab in all");
        _dent(ALICE, id, 9 * C);
        assertEq(start - loan.balanceOf(ALICE), tab, "a dent by the holder moves no loan tokens");
        assertEq(loan.balanceOf(address(auction)), tab, "the module holds the tab");
    }

    // ---------------------------------------------------------------- Black Thursday

    /// A lone keeper bids 1 wei, nobody else bids within ttl: it wins the whole lot and the debt is written
    /// off: the insurance fund pays first, lenders absorb the rest.
    function test_zeroBid_loneKeeperWinsTheWholeLotForOneWei_debtWrittenOff() public {
        vm.prank(LIQUIDATOR);
        market.fundInsurance(1_000 * L);
        uint256 id = _kick();
        uint256 keeperStart = loan.balanceOf(KEEPER);
        _tend(KEEPER, id, 1);
        vm.warp(block.timestamp + TTL);
        vm.expectRevert(abi.encodeWithSelector(Errors.EnglishAuctionNotFinished.selector, id));
        auction.deal(id); // at tic exactly: neither biddable nor dealable, as in Flipper
        vm.warp(block.timestamp + 1);

        (uint256 supplyAssets,, uint256 borrowAssets, uint256 borrowShares) = market.expectedTotals();
        (,,,,,, uint256 shares) = _auction(id);
        uint256 burned = uint256(1).toSharesDown(borrowAssets, borrowShares);
        uint256 bad = (shares - burned).toAssetsUp(borrowAssets - 1, borrowShares - burned);
        uint256 lenderBefore = market.supplyBalanceOf(LENDER);

        vm.expectEmit(true, true, true, true, address(auction));
        emit Deal(id, KEEPER, BORROWER, 1, 10 * C, 0, bad);
        vm.prank(LIQUIDATOR);
        auction.deal(id);

        assertEq(collateral.balanceOf(KEEPER), 10 * C, "the keeper wins the whole lot");
        assertEq(keeperStart - loan.balanceOf(KEEPER), 1, "for 1 wei");
        assertEq(market.totalBadDebt(), bad, "the debt is bad debt");
        assertGe(bad + 1, 15_000 * L, "all of it but the wei");
        assertEq(market.insuranceFund(), 0, "the insurance fund paid first");
        assertEq(market.totalSocializedLoss(), bad - 1_000 * L, "lenders the rest");
        assertEq(supplyAssets - market.totalSupplyAssets(), bad - 1_000 * L, "supply absorbs the socialized part");
        assertApproxEqAbs(lenderBefore - market.supplyBalanceOf(LENDER), bad - 1_000 * L, 2, "the lender's claim falls");
        assertEq(market.debtOf(address(auction)), 0, "the module owes nothing");
        assertEq(market.totalBorrowShares(), 0, "no shares left");
    }

    // ---------------------------------------------------------------- deal paths

    /// A bid between the debt and the tab: the debt is repaid, the excess joins the insurance fund.
    function test_deal_bidAboveDebt_repaysAndFundsInsuranceWithTheExcess() public {
        uint256 id = _kick();
        uint256 bid = 15_500 * L;
        _tend(ALICE, id, bid);
        vm.warp(block.timestamp + TTL + 1);
        uint256 debt = market.debtOf(address(auction));
        auction.deal(id);
        assertEq(market.insuranceFund(), bid - debt, "excess to insurance");
        assertEq(market.debtOf(address(auction)), 0, "repaid");
        assertEq(market.totalBadDebt(), 0, "no bad debt");
        assertEq(collateral.balanceOf(ALICE), 10 * C, "the whole lot");
    }

    /// A bid below the debt repays what it can; the rest of the auction's shares is written off.
    function test_deal_bidBelowDebt_repaysItAndWritesOffTheRest() public {
        uint256 id = _kick();
        _tend(ALICE, id, 9_000 * L);
        vm.warp(block.timestamp + TTL + 1);
        uint256 debt = market.debtOf(address(auction));
        uint256 cashBefore = loan.balanceOf(address(market));
        auction.deal(id);
        uint256 bad = market.totalBadDebt();
        assertApproxEqAbs(bad, debt - 9_000 * L, 1, "bad debt = debt - bid");
        assertGe(bad + 9_000 * L, debt, "rounding favours lenders");
        assertEq(loan.balanceOf(address(market)) - cashBefore, 9_000 * L, "the whole bid reached the market");
        assertEq(market.debtOf(address(auction)), 0, "nothing owed");
        assertEq(market.totalSocializedLoss(), bad, "no insurance: all socialized");
    }

    /// An auction reaching its end with a live bid is dealt at end + 1 even though the bid's tic is later.
    function test_bidsAfterEnd_revert_dealAfterEnd() public {
        uint256 id = _kick();
        uint256 end = _end(id);
        vm.warp(end - 1);
        _tend(ALICE, id, 5_000 * L);
        assertGt(_tic(id), end, "the tic outlives the end");
        vm.warp(end);
        vm.prank(BOB);
        vm.expectRevert(abi.encodeWithSelector(Errors.EnglishAuctionEnded.selector, id, end));
        auction.tend(id, 10 * C, 6_000 * L);
        vm.expectRevert(abi.encodeWithSelector(Errors.EnglishAuctionNotFinished.selector, id));
        auction.deal(id);
        vm.warp(end + 1);
        auction.deal(id);
        assertEq(collateral.balanceOf(ALICE), 10 * C, "the live bid wins at the end");
    }

    /// A bid expires at its tic: a later bid reverts, one second earlier it extends the auction.
    function test_bidsAfterTic_revert() public {
        uint256 id = _kick();
        _tend(ALICE, id, 5_000 * L);
        uint256 tic = _tic(id);
        vm.warp(tic - 1);
        _tend(BOB, id, 6_000 * L);
        assertEq(_tic(id), block.timestamp + TTL, "a new bid restarts its ttl");
        tic = _tic(id);
        vm.warp(tic);
        vm.prank(ALICE);
        vm.expectRevert(abi.encodeWithSelector(Errors.EnglishAuctionBidExpired.selector, id, tic));
        auction.tend(id, 10 * C, 7_000 * L);
    }

    // ---------------------------------------------------------------- tick

    function test_tick_restartsAnUnbidAuction() public {
        uint256 id = _kick();
        uint256 end = _end(id);
        vm.expectRevert(abi.encodeWithSelector(Errors.EnglishAuctionNotEnded.selector, id, end));
        auction.tick(id);
        vm.warp(end);
        vm.expectRevert(abi.encodeWithSelector(Errors.EnglishAuctionNotEnded.selector, id, end));
        auction.tick(id);
        vm.prank(ALICE);
        vm.expectRevert(abi.encodeWithSelector(Errors.EnglishAuctionEnded.selector, id, end));
        auction.tend(id, 10 * C, 1);
        vm.expectRevert(abi.encodeWithSelector(Errors.EnglishAuctionNotFinished.selector, id));
        auction.deal(id); // no bid: never dealt

        vm.warp(end + 1);
        vm.expectEmit(true, false, false, true, address(auction));
        emit Tick(id, block.timestamp + TAU);
        auction.tick(id);
        assertEq(_end(id), block.timestamp + TAU, "restarted for tau");
        _tend(ALICE, id, 1_000 * L);
        assertEq(loan.balanceOf(address(auction)), 1_000 * L, "biddable again");
        vm.warp(_end(id) + 1);
        vm.expectRevert(abi.encodeWithSelector(Errors.EnglishAuctionHasBid.selector, id));
        auction.tick(id);
        vm.expectRevert(abi.encodeWithSelector(Errors.EnglishAuctionNotFound.selector, 7));
        auction.tick(7);
    }

    // ---------------------------------------------------------------- input checks

    function test_tend_refusesAWrongLotAndUnknownAuctions() public {
        vm.expectRevert(abi.encodeWithSelector(Errors.EnglishAuctionNotFound.selector, 1));
        auction.tend(1, 10 * C, 1);
        uint256 id = _kick();
        vm.prank(ALICE);
        vm.expectRevert(abi.encodeWithSelector(Errors.LotMismatch.selector, 9 * C, 10 * C));
        auction.tend(id, 9 * C, 1);
        vm.prank(ALICE);
        vm.expectRevert(abi.encodeWithSelector(Errors.BidNotHigher.selector, 0, 0));
        auction.tend(id, 10 * C, 0);
    }

    function test_dent_refusesBeforeTheTabAndAnyOtherBid() public {
        uint256 id = _kick();
        uint256 tab = _tab(id);
        _tend(ALICE, id, tab - 1);
        vm.prank(BOB);
        vm.expectRevert(abi.encodeWithSelector(Errors.TendPhaseNotOver.selector, tab - 1, tab));
        auction.dent(id, 9 * C, tab);
        vm.prank(BOB);
        vm.expectRevert(abi.encodeWithSelector(Errors.DentBidNotTab.selector, tab - 1, tab));
        auction.dent(id, 9 * C, tab - 1);
        _tend(BOB, id, tab);
        vm.prank(ALICE);
        vm.expectRevert(abi.encodeWithSelector(Errors.LotNotLower.selector, 10 * C, 10 * C));
        auction.dent(id, 10 * C, tab);
        vm.prank(ALICE);
        vm.expectRevert(abi.encodeWithSelector(Errors.LotMismatch.selector, 9 * C, 10 * C));
        auction.tend(id, 9 * C, tab); // the tend phase is over for a smaller lot too
        _dent(ALICE, id, 0); // down to nothing: the whole lot goes back to the borrower
        assertEq(collateral.balanceOf(address(auction)), 0, "no lot left");
        assertEq(collateral.balanceOf(BORROWER), 1_000_000 * C, "the borrower got it all back");
    }

    // ---------------------------------------------------------------- several auctions

    /// Two running auctions share the module's market account; each settles its own shares.
    function test_twoAuctions_shareTheModuleAccount_eachSettlesItsShares() public {
        _open(BORROWER2, 2 * C, 2_900 * L);
        _underwater();
        uint256 a = auction.kick(BORROWER);
        uint256 b = auction.kick(BORROWER2);
        (,,,,,, uint256 sharesA) = _auction(a);
        (,,,,,, uint256 sharesB) = _auction(b);
        assertEq(_moduleShares(), sharesA + sharesB, "the module owes both");
        assertEq(collateral.balanceOf(address(auction)), 12 * C, "holds both lots");
        _tend(ALICE, a, _tab(a));
        _tend(BOB, b, 1);
        vm.warp(block.timestamp + TTL + 1);
        auction.deal(a);
        assertEq(_moduleShares(), sharesB, "only b's shares left");
        uint256[] memory ids = auction.active();
        assertEq(ids.length, 1, "one running");
        assertEq(ids[0], b, "b running");
        assertEq(loan.balanceOf(address(auction)), 1, "b's bid held");
        auction.deal(b);
        assertEq(_moduleShares(), 0, "all settled");
        assertGt(market.totalBadDebt(), 2_899 * L, "b's debt written off");
        assertEq(collateral.balanceOf(BOB), 2 * C, "bob won b's lot");
    }

    // ---------------------------------------------------------------- fuzz

    /// @dev A second tend is accepted exactly when it is above the first, at most the tab, and at least
    ///      3% above the first (rounded up) or the tab itself.
    function testFuzz_tend_acceptedExactlyUnderTheIncrementRule(uint256 first, uint256 second) public {
        uint256 id = _kick();
        uint256 tab = _tab(id);
        first = bound(first, 1, tab);
        second = bound(second, 0, tab + 1_000 * L);
        _tend(ALICE, id, first);
        bool ok = second <= tab && second > first && (second == tab || second * 1e18 >= first * BEG);
        uint256 bobStart = loan.balanceOf(BOB);
        uint256 lot = _lot(id);
        vm.prank(BOB);
        try auction.tend(id, lot, second) {
            assertTrue(ok, "accepted a bid the rule refuses");
            assertEq(bobStart - loan.balanceOf(BOB), second, "bob paid his bid");
            assertEq(loan.balanceOf(address(auction)), second, "the module holds bob's bid");
        } catch {
            assertTrue(!ok, "refused a bid the rule accepts");
            assertEq(loan.balanceOf(address(auction)), first, "alice's bid stays");
        }
    }

    /// @dev A dent is accepted exactly when lot x beg <= current lot; the borrower gets the difference.
    function testFuzz_dent_acceptedExactlyUnderTheDecrementRule(uint256 lot) public {
        uint256 id = _kick();
        _tend(ALICE, id, _tab(id));
        lot = bound(lot, 0, 10 * C);
        bool ok = lot * BEG <= 10 * C * 1e18 && lot < 10 * C;
        uint256 tab = _tab(id);
        vm.prank(BOB);
        try auction.dent(id, lot, tab) {
            assertTrue(ok, "accepted a lot the rule refuses");
            assertEq(collateral.balanceOf(BORROWER), 1_000_000 * C - lot, "the borrower got the rest back");
            assertEq(collateral.balanceOf(address(auction)), lot, "the module holds the lot");
        } catch {
            assertTrue(!ok, "refused a lot the rule accepts");
        }
    }

    /// @dev Whatever the winning bid, deal clears the auction's debt exactly: repaid (the bid, less the
    ///      insurance excess) plus bad debt make the debt, and the module is left holding nothing.
    function testFuzz_deal_settlesTheDebtWhateverTheBid(uint256 bid, uint256 wait) public {
        vm.prank(LIQUIDATOR);
        market.fundInsurance(500 * L);
        uint256 id = _kick();
        bid = bound(bid, 1, _tab(id));
        _tend(ALICE, id, bid);
        wait = bound(wait, TTL + 1, 30 days);
        vm.warp(block.timestamp + wait);
        uint256 debt = market.debtOf(address(auction));
        uint256 cashBefore = loan.balanceOf(address(market));
        auction.deal(id);
        uint256 bad = market.totalBadDebt();
        if (bid >= debt) {
            assertEq(bad, 0, "no bad debt");
            assertEq(market.insuranceFund(), 500 * L + bid - debt, "excess to insurance");
        } else {
            assertApproxEqAbs(bad, debt - bid, 1, "bad debt = debt - bid");
            assertGe(bad + bid, debt, "rounding favours lenders");
            assertEq(market.insuranceFund(), 500 * L - MathLib.min(bad, 500 * L), "insurance first");
        }
        assertEq(loan.balanceOf(address(market)) - cashBefore, bid, "the whole bid reached the market");
        assertEq(market.debtOf(address(auction)), 0, "nothing owed");
        assertEq(loan.balanceOf(address(auction)), 0, "no loan tokens left");
        assertEq(collateral.balanceOf(ALICE), 10 * C, "the winner has the lot");
    }
}
