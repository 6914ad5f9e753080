// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20Metadata} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Metadata.sol";
import {AggregatorV3Interface} from "../../src/interfaces/AggregatorV3Interface.sol";
import {MathLib} from "../../src/libraries/MathLib.sol";
import {ILiquidationModule} from "../../src/lending/ILiquidationModule.sol";
import {LendingMarket} from "../../src/lending/LendingMarket.sol";
import {RateParams} from "../../src/lending/libraries/RateLib.sol";
import {EnglishAuction, EnglishAuctionParams} from "../../src/liquidation/EnglishAuction.sol";
import {FixedMargin} from "../../src/margin/FixedMargin.sol";
import {IMarginModel} from "../../src/margin/IMarginModel.sol";
import {PushFeed} from "../../src/oracle/PushFeed.sol";
import {TestToken} from "../../src/tokens/TestToken.sol";
import {BaseTest} from "../utils/BaseTest.sol";

/// @notice Drives an EnglishAuction (beg 3%, ttl 10 minutes, tau 30 minutes, chop 13%) over a market (18-decimal
///         collateral, 6-decimal loan, fixed 75/80, at 2000): six borrowers open positions at 60-75% LTV, the
///         price falls and recovers, a keeper's sweep kicks everything below health 1, three bidders tend (from a 1-wei
///         zero bid to the tab), fight bidding wars into the dent phase and dent, time passes by up to ttl + 1 (or tau + 1 of quiet hours),
///         anyone deals and ticks (and a keeper sweeps finished auctions as time passes). The handler
///         records, around each call, the properties only observable there and how often each state was reached.
contract EnglishAuctionHandler is BaseTest {
    using MathLib for uint256;

    uint256 public constant BEG = 1.03e18;
    uint256 public constant TTL = 600;
    uint256 public constant TAU = 1800;

    LendingMarket public immutable market;
    EnglishAuction public immutable auction;
    PushFeed public immutable feed;
    TestToken public immutable collateral;
    TestToken public immutable loan;

    address[] public borrowers;
    address[] internal bidders;

    /// @dev Each auction's lot at kick (collateral) and the last bid and lot seen.
    mapping(uint256 id => uint256) public kickedLot;
    mapping(uint256 id => uint256) internal lastBid;
    mapping(uint256 id => uint256) internal lastLot;
    mapping(uint256 id => uint256) internal lastTab;

    uint256 public bidDecreased;
    uint256 public lotIncreased;
    uint256 public tabChanged;
    uint256 public dealNotBalanced; // a deal whose repayment and write-off do not make the debt
    uint256 public winnerNotPaid; // a deal that did not give the winner the lot
    uint256 public refundNotExact; // an outbid bidder not refunded its bid to the wei

    uint256 public kicks;
    uint256 public tends;
    uint256 public zeroBids;
    uint256 public dents;
    uint256 public deals;
    uint256 public dealsWithBadDebt;
    uint256 public dealsWithSurplus;
    uint256 public ticks;
    uint256 public maxRunning;

    constructor(
        LendingMarket market_,
        EnglishAuction auction_,
        PushFeed feed_,
        TestToken collateral_,
        TestToken loan_
    ) {
        market = market_;
        auction = auction_;
        feed = feed_;
        collateral = collateral_;
        loan = loan_;
        for (uint256 i; i < 6; ++i) borrowers.push(address(uint160(0xB001 + i)));
        bidders.push(address(0xA11CE));
        bidders.push(address(0xB0B0));
        bidders.push(address(0x4EE9));
    }

    /// @notice Mints and approves for the cast; the test calls it once the handler is a minter.
    function fundActors() external {
        loan.mint(address(0x1E9D), 100_000_000e6);
        vm.startPrank(address(0x1E9D));
        loan.approve(address(market), type(uint256).max);
        market.supply(100_000_000e6);
        vm.stopPrank();
        for (uint256 i; i < borrowers.length; ++i) {
            collateral.mint(borrowers[i], 1_000_000e18);
            vm.prank(borrowers[i]);
            collateral.approve(address(market), type(uint256).max);
        }
        for (uint256 i; i < bidders.length; ++i) {
            loan.mint(bidders[i], 1_000_000_000e6);
            vm.prank(bidders[i]);
            loan.approve(address(auction), type(uint256).max);
        }
        loan.mint(address(this), 10_000e6);
        loan.approve(address(market), type(uint256).max);
        market.fundInsurance(10_000e6);
    }

    function bidderCount() external view returns (uint256) {
        return bidders.length;
    }

    function bidder(uint256 i) external view returns (address) {
        return bidders[i];
    }

    // ---------------------------------------------------------------- environment

    function _price() internal view returns (uint256) {
        (, int256 answer,,,) = feed.latestRoundData();
        return uint256(answer);
    }

    /// @notice Moves the price by -20% .. +10%, within [500, 4000].
    function movePrice(uint256 seed) external {
        uint256 next = _price() * (8000 + bound(seed, 0, 3000)) / 10_000;
        feed.pushAnswer(int256(bound(next, 500e8, 4000e8)));
        _check();
    }

    /// @notice Time passes by 1 second to 10 minutes, or just over a ttl; the feed answers again. Every
    ///         other time a keeper then deals every finished auction and ticks every ended unbid one.
    function warp(uint256 seed) external {
        uint256 dt = seed % 4 == 0 ? TTL + 1 : bound(seed >> 3, 1, TTL);
        vm.warp(block.timestamp + dt);
        vm.roll(block.number + 1);
        feed.pushAnswer(int256(_price()));
        if ((seed >> 2) % 2 == 0) _sweep();
        _check();
    }

    /// @notice Quiet hours: nobody bids for tau + 1 seconds, then a keeper deals every finished auction and
    ///         ticks every unbid one (a crash first when no auction is unbid, so every run restarts one).
    function quietHours() external {
        if (_pick(0, UNBID) == 0) _shock(block.timestamp); // something for the sweep to restart
        vm.warp(block.timestamp + TAU + 1);
        vm.roll(block.number + 1);
        feed.pushAnswer(int256(_price()));
        _sweep();
        _check();
    }

    // ---------------------------------------------------------------- borrowers

    /// @notice A borrower without a position posts 1-20 collateral and borrows 60-75% of its value.
    function open(uint256 who, uint256 amount, uint256 ltv) external {
        _open(borrowers[who % borrowers.length], bound(amount, 1e18, 20e18), bound(ltv, 6000, 7499));
        _check();
    }

    function _open(address b, uint256 amount, uint256 ltvBps) internal {
        (, uint256 shares, uint256 coll) = market.positions(b);
        if (shares != 0 || coll != 0) return;
        uint256 value = amount * _price() / 1e8 / 1e12; // loan units (6 decimals)
        vm.startPrank(b);
        market.depositCollateral(amount);
        market.borrow(value * ltvBps / 10_000);
        vm.stopPrank();
    }

    /// @notice A crash: every borrower without a position opens one at 70-75% LTV, the price falls 10-30%,
    ///         and a keeper's sweep kicks everything below health 1 (so auctions run side by side); not while four
    ///         or more are running.
    function shock(uint256 seed) external {
        _shock(seed);
    }

    function _shock(uint256 seed) internal {
        if (auction.active().length >= 4) return; // enough running already
        for (uint256 i; i < borrowers.length; ++i) {
            _open(borrowers[i], 2e18 + (seed >> i) % 8e18, 7000 + (seed >> (2 * i)) % 499);
        }
        feed.pushAnswer(int256(_price() * (9000 - bound(seed, 0, 2000)) / 10_000));
        kick(seed);
    }

    // ---------------------------------------------------------------- auctions

    /// @notice A keeper's sweep: kicks every borrower whose health factor is below 1, from `seed` on.
    function kick(uint256 seed) public {
        for (uint256 k; k < borrowers.length; ++k) {
            address b = borrowers[(seed + k) % borrowers.length];
            if (market.debtOf(b) == 0 || market.healthFactor(b) >= 1e18) continue;
            uint256 id = auction.kick(b);
            (, uint256 lot,,,,, uint256 tab,) = auction.bids(id);
            kickedLot[id] = lot;
            lastLot[id] = lot;
            lastTab[id] = tab;
            kicks++;
        }
        uint256 running = auction.active().length;
        if (running > maxRunning) maxRunning = running;
        _check();
    }

    uint8 internal constant TENDABLE = 0;
    uint8 internal constant DENTABLE = 1;
    uint8 internal constant DEALABLE = 2;
    uint8 internal constant TICKABLE = 3;
    uint8 internal constant UNBID = 4;

    /// @dev The first running auction from `seed` on in the state `kind` (0 if none).
    function _pick(uint256 seed, uint8 kind) internal view returns (uint256) {
        uint256[] memory ids = auction.active();
        for (uint256 k; k < ids.length; ++k) {
            uint256 id = ids[(seed + k) % ids.length];
            (uint256 bid, uint256 lot,, uint48 tic, uint48 end,, uint256 tab,) = auction.bids(id);
            bool live = _live(tic, end);
            if (kind == TENDABLE && live && bid < tab) return id;
            if (kind == DENTABLE && live && bid == tab && lot != 0) return id;
            if (kind == DEALABLE && tic != 0 && (tic < block.timestamp || end < block.timestamp)) return id;
            if (kind == TICKABLE && tic == 0 && end < block.timestamp) return id;
            if (kind == UNBID && live && bid == 0) return id;
        }
        return 0;
    }

    function _live(uint256 tic, uint256 end) internal view returns (bool) {
        return (tic == 0 || tic > block.timestamp) && end > block.timestamp;
    }

    /// @notice A bidder tends on a running auction in the tend phase: a 1-wei first bid, the tab, or a raise
    ///         of at least beg.
    function tend(uint256 idSeed, uint256 who, uint256 amount) external {
        uint256 id = _pick(idSeed, TENDABLE);
        if (id == 0) return;
        (uint256 bid,,,,,, uint256 tab,) = auction.bids(id);
        uint256 minimum = MathLib.max(bid.wMulUp(BEG), bid + 1);
        uint256 mode = amount % 8;
        uint256 newBid;
        if (bid == 0 && mode == 0) newBid = 1; // the zero bid
        else if (mode == 1 || mode == 2 || minimum >= tab) newBid = tab;
        else newBid = bound(amount >> 3, minimum, tab);
        _tend(id, bidders[who % bidders.length], newBid);
        _check();
    }

    /// @notice Black Thursday (after a crash when no auction is unbid): a keeper alone bids 1 wei on an auction nobody has bid on, nobody else bids
    ///         within ttl (the network is congested), and the keeper deals it: the whole lot for 1 wei.
    function zeroBid(uint256 idSeed) external {
        if (_pick(idSeed, UNBID) == 0) _shock(idSeed);
        uint256 id = _pick(idSeed, UNBID);
        if (id == 0) return;
        _tend(id, bidders[2], 1);
        vm.warp(block.timestamp + TTL + 1);
        vm.roll(block.number + 1);
        feed.pushAnswer(int256(_price()));
        _deal(id);
        _check();
    }

    /// @notice A competitive auction in one go (after a crash when none is in the tend phase): the three bidders take turns raising the bid by 3%, 6% or 9%
    ///         (or jumping to the tab) until the tab is reached, then dent by beg 1-3 times.
    function bidWar(uint256 idSeed, uint256 seed) external {
        if (_pick(idSeed, TENDABLE) == 0) _shock(seed);
        uint256 id = _pick(idSeed, TENDABLE);
        if (id == 0) return;
        uint256 turn = seed % 3;
        for (uint256 round; round < 64; ++round) {
            (uint256 bid,,,,,, uint256 tab,) = auction.bids(id);
            if (bid == tab) break;
            uint256 step = BEG + ((seed >> (round % 200)) % 3) * (BEG - 1e18); // +3%, +6%, +9%
            uint256 next = bid == 0 ? tab / (2 + seed % 8) + 1 : bid.wMulUp(step);
            if (next >= tab || round == 63 || (seed >> round) % 16 == 0) next = tab;
            _tend(id, bidders[turn++ % 3], next);
        }
        uint256 dentRounds = 1 + (seed >> 128) % 3;
        for (uint256 round; round < dentRounds; ++round) {
            (, uint256 lot,,,,,,) = auction.bids(id);
            if (lot == 0) break;
            _dent(id, bidders[turn++ % 3], lot.mulDivDown(1e18, BEG));
        }
        // Every other war the winner's bid lives out its ttl and is dealt: the tab raised, the penalty funds insurance.
        if ((seed >> 64) % 2 == 0) {
            vm.warp(block.timestamp + TTL + 1);
            vm.roll(block.number + 1);
            feed.pushAnswer(int256(_price()));
            _deal(id);
        }
        _check();
    }

    /// @notice A bidder dents on a running auction at the tab: keeps between 0 and lot / beg.
    function dent(uint256 idSeed, uint256 who, uint256 amount) external {
        uint256 id = _pick(idSeed, DENTABLE);
        if (id == 0) return;
        (, uint256 lot,,,,,,) = auction.bids(id);
        _dent(id, bidders[who % bidders.length], bound(amount, 0, lot.mulDivDown(1e18, BEG)));
        _check();
    }

    /// @notice Deals a finished auction: the winner gets the lot, the bid and the write-off clear the debt.
    function deal(uint256 idSeed) external {
        uint256 id = _pick(idSeed, DEALABLE);
        if (id == 0) return;
        _deal(id);
        _check();
    }

    /// @notice Restarts an auction that ended with no bid.
    function tick(uint256 idSeed) external {
        uint256 id = _pick(idSeed, TICKABLE);
        if (id == 0) return;
        auction.tick(id);
        ticks++;
        _check();
    }

    function _tend(uint256 id, address b, uint256 newBid) internal {
        (uint256 bid, uint256 lot, address guy,,,,,) = auction.bids(id);
        uint256 guyBefore = guy == address(0) ? 0 : loan.balanceOf(guy);
        vm.prank(b);
        auction.tend(id, lot, newBid);
        if (guy != address(0) && guy != b && loan.balanceOf(guy) != guyBefore + bid) refundNotExact++;
        tends++;
        if (newBid == 1) zeroBids++;
    }

    function _dent(uint256 id, address b, uint256 newLot) internal {
        (,, address guy,,,, uint256 tab,) = auction.bids(id);
        uint256 guyBefore = loan.balanceOf(guy);
        vm.prank(b);
        auction.dent(id, newLot, tab);
        if (guy != b && loan.balanceOf(guy) != guyBefore + tab) refundNotExact++;
        dents++;
    }

    function _deal(uint256 id) internal {
        (uint256 bid, uint256 lot, address guy,,,,, uint256 shares) = auction.bids(id);
        (,, uint256 borrowAssets, uint256 borrowShares) = market.expectedTotals();
        uint256 debt = shares.mulDivUp(borrowAssets + 1, borrowShares + 1e6);
        uint256 badBefore = market.totalBadDebt();
        uint256 winnerBefore = collateral.balanceOf(guy);
        auction.deal(id);
        uint256 bad = market.totalBadDebt() - badBefore;
        if (bid >= debt) {
            if (bad != 0) dealNotBalanced++;
            if (bid > debt) dealsWithSurplus++;
        } else {
            // repaid (the bid) plus the write-off make the debt, rounding to the lenders' side by at most 1
            if (bid + bad < debt || bid + bad > debt + 1) dealNotBalanced++;
            dealsWithBadDebt++;
        }
        if (collateral.balanceOf(guy) != winnerBefore + lot) winnerNotPaid++;
        deals++;
    }

    /// @dev A keeper's sweep after time passes: deals every finished auction, ticks every unbid one that ended.
    function _sweep() internal {
        for (uint256 id = _pick(0, DEALABLE); id != 0; id = _pick(0, DEALABLE)) _deal(id);
        for (uint256 id = _pick(0, TICKABLE); id != 0; id = _pick(0, TICKABLE)) {
            auction.tick(id);
            ticks++;
        }
    }

    /// @dev Bids never fall, lots never grow, tabs never change, for every running auction.
    function _check() internal {
        uint256[] memory ids = auction.active();
        for (uint256 i; i < ids.length; ++i) {
            (uint256 bid, uint256 lot,,,,, uint256 tab,) = auction.bids(ids[i]);
            if (bid < lastBid[ids[i]]) bidDecreased++;
            if (lot > lastLot[ids[i]]) lotIncreased++;
            if (tab != lastTab[ids[i]]) tabChanged++;
            lastBid[ids[i]] = bid;
            lastLot[ids[i]] = lot;
        }
    }
}

contract EnglishAuctionInvariantsTest is BaseTest {
    struct FuzzSelector {
        address addr;
        bytes4[] selectors;
    }

    EnglishAuctionHandler internal handler;
    LendingMarket internal market;
    EnglishAuction internal auction;
    TestToken internal collateral;
    TestToken internal loan;

    function setUp() public {
        vm.warp(1_700_000_000);
        vm.roll(100);
        collateral = new TestToken("Wrapped Ether", "WETH", 18, address(this));
        loan = new TestToken("USD Coin", "USDC", 6, address(this));
        PushFeed feed = new PushFeed(8, "WETH / USDC", address(this));
        feed.pushAnswer(2000e8);
        market = new LendingMarket(
            IERC20Metadata(address(collateral)),
            IERC20Metadata(address(loan)),
            AggregatorV3Interface(address(feed)),
            IMarginModel(address(new FixedMargin(0.75e18, 0.8e18, 0.5e18, 0.05e18))),
            1 hours,
            0.2e18,
            100e6,
            RateParams(0.02e18, 0.04e18, 0.75e18, 0.8e18)
        );
        auction = new EnglishAuction(market, EnglishAuctionParams(1.03e18, 600, 1800, 1.13e18));
        market.setLiquidationModule(ILiquidationModule(address(auction)));
        handler = new EnglishAuctionHandler(market, auction, feed, collateral, loan);
        feed.setKeeper(address(handler));
        collateral.setMinter(address(handler), true);
        loan.setMinter(address(handler), true);
        handler.fundActors();
    }

    function targetContracts() public view returns (address[] memory targets) {
        targets = new address[](1);
        targets[0] = address(handler);
    }

    function targetSelectors() public view returns (FuzzSelector[] memory targets) {
        bytes4[] memory selectors = new bytes4[](12);
        selectors[0] = EnglishAuctionHandler.movePrice.selector;
        selectors[1] = EnglishAuctionHandler.warp.selector;
        selectors[2] = EnglishAuctionHandler.open.selector;
        selectors[3] = EnglishAuctionHandler.kick.selector;
        selectors[4] = EnglishAuctionHandler.tend.selector;
        selectors[5] = EnglishAuctionHandler.dent.selector;
        selectors[6] = EnglishAuctionHandler.deal.selector;
        selectors[7] = EnglishAuctionHandler.tick.selector;
        selectors[8] = EnglishAuctionHandler.shock.selector;
        selectors[9] = EnglishAuctionHandler.bidWar.selector;
        selectors[10] = EnglishAuctionHandler.zeroBid.selector;
        selectors[11] = EnglishAuctionHandler.quietHours.selector;
        targets = new FuzzSelector[](1);
        targets[0] = FuzzSelector(address(handler), selectors);
    }

    /// EA-INV-1: the module's market debt is the running auctions' debt: its borrow shares are the sum
    /// of their shares.
    function invariant_moduleSharesAreTheSumOfRunningAuctions() public view {
        uint256[] memory ids = auction.active();
        uint256 sum;
        for (uint256 i; i < ids.length; ++i) {
            (,,,,,,, uint256 shares) = auction.bids(ids[i]);
            sum += shares;
        }
        (, uint256 moduleShares,) = market.positions(address(auction));
        assertEq(moduleShares, sum, "EA-INV-1: module shares != sum of running auctions' shares");
    }

    /// EA-INV-2: the module holds exactly the running lots in collateral and the current bids in loan tokens.
    function invariant_moduleHoldsExactlyLotsAndBids() public view {
        uint256[] memory ids = auction.active();
        uint256 lots;
        uint256 bids;
        for (uint256 i; i < ids.length; ++i) {
            (uint256 bid, uint256 lot,,,,,,) = auction.bids(ids[i]);
            lots += lot;
            bids += bid;
        }
        assertEq(collateral.balanceOf(address(auction)), lots, "EA-INV-2: collateral held != sum of lots");
        assertEq(loan.balanceOf(address(auction)), bids, "EA-INV-2: loan tokens held != sum of bids");
    }

    /// EA-INV-3: bids never decrease, lots never increase, tabs never change.
    function invariant_bidsRiseLotsFallTabsStay() public view {
        assertEq(handler.bidDecreased(), 0, "EA-INV-3: a bid decreased");
        assertEq(handler.lotIncreased(), 0, "EA-INV-3: a lot increased");
        assertEq(handler.tabChanged(), 0, "EA-INV-3: a tab changed");
    }

    /// EA-INV-4: every running auction is well formed: bid <= tab; no bidder, no bid and no tic until the
    /// first tend; end in the future or, if past, either dealable (a bid) or tickable (none); and lot plus
    /// the collateral returned to the borrower is the lot kicked.
    function invariant_runningAuctionsAreWellFormed() public view {
        uint256[] memory ids = auction.active();
        for (uint256 i; i < ids.length; ++i) {
            uint256 id = ids[i];
            (uint256 bid, uint256 lot, address guy, uint48 tic, uint48 end, address borrower, uint256 tab,) =
                auction.bids(id);
            assertLe(bid, tab, "EA-INV-4: bid above tab");
            assertTrue((guy == address(0)) == (bid == 0), "EA-INV-4: bidder iff bid");
            assertTrue((tic == 0) == (bid == 0), "EA-INV-4: tic iff bid");
            assertTrue(end != 0 && borrower != address(0), "EA-INV-4: a running auction has an end and a borrower");
            assertEq(lot + auction.collateralReturned(id), handler.kickedLot(id), "EA-INV-4: collateral not conserved");
            if (lot != handler.kickedLot(id)) assertEq(bid, tab, "EA-INV-4: a dent before the tab");
        }
    }

    /// EA-INV-5: auctions are counted once: running = kicked - dealt, ids within 1..count.
    function invariant_activeIsKickedMinusDealt() public view {
        uint256[] memory ids = auction.active();
        assertEq(ids.length, handler.kicks() - handler.deals(), "EA-INV-5: running != kicked - dealt");
        assertEq(auction.count(), handler.kicks(), "EA-INV-5: count != kicks");
        for (uint256 i; i < ids.length; ++i) {
            assertTrue(ids[i] >= 1 && ids[i] <= auction.count(), "EA-INV-5: id out of range");
        }
    }

    /// EA-INV-6: every deal cleared its auction's debt (the bid repays, the rest is written off, within a
    /// wei for the lenders), gave the winner the lot, and every outbid bidder was refunded to the wei.
    function invariant_dealsBalanceAndRefundsAreExact() public view {
        assertEq(handler.dealNotBalanced(), 0, "EA-INV-6: bid + write-off != debt");
        assertEq(handler.winnerNotPaid(), 0, "EA-INV-6: winner did not get the lot");
        assertEq(handler.refundNotExact(), 0, "EA-INV-6: refund not exact");
    }

    /// EA-INV-7: the market's borrow shares are the borrowers' plus the module's (nothing lost in transfer).
    function invariant_marketSharesAreBorrowersPlusModule() public view {
        uint256 sum;
        for (uint256 i; i < 6; ++i) {
            (, uint256 shares,) = market.positions(handler.borrowers(i));
            sum += shares;
        }
        (, uint256 moduleShares,) = market.positions(address(auction));
        assertEq(market.totalBorrowShares(), sum + moduleShares, "EA-INV-7: market shares != borrowers + module");
    }

    /// Every run must reach the states the invariants speak of.
    function afterInvariant() public view {
        assertTrue(handler.kicks() > 0, "the campaign kicked");
        assertTrue(handler.tends() > 0, "the campaign tended");
        assertTrue(handler.dents() > 0, "the campaign reached the dent phase");
        assertTrue(handler.deals() > 0, "the campaign dealt");
        assertTrue(handler.dealsWithBadDebt() > 0, "the campaign wrote off bad debt");
        assertTrue(handler.dealsWithSurplus() > 0, "the campaign funded insurance with a penalty");
        assertTrue(handler.zeroBids() > 0, "the campaign placed a 1-wei zero bid");
        assertTrue(handler.ticks() > 0, "the campaign restarted an unbid auction");
        assertTrue(handler.maxRunning() > 1, "the campaign ran auctions side by side");
    }
}
