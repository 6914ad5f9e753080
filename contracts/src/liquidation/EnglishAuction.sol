// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20Metadata} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Metadata.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {Errors} from "../libraries/Errors.sol";
import {WAD, MathLib} from "../libraries/MathLib.sol";
import {ILendingMarket} from "../lending/ILendingMarket.sol";
import {ILiquidationModule} from "../lending/ILiquidationModule.sol";
import {SharesMathLib} from "../lending/libraries/SharesMathLib.sol";

/// @notice Parameters of an English auction house, named as in Maker's Flipper.
struct EnglishAuctionParams {
    /// @dev Minimum bid increase (WAD, > 1e18): a tend raises the bid to at least bid x beg, a dent lowers
    ///      the lot to at most lot / beg. Maker 2020: 1.03e18 (3%).
    uint256 beg;
    /// @dev Seconds a bid lives: once it is that old with no better bid the auction can be dealt
    ///      (> 0). Maker March 2020: 600 (10 minutes).
    uint256 ttl;
    /// @dev Maximum auction length in seconds (> 0). Maker: 21600 (6 hours).
    uint256 tau;
    /// @dev Liquidation penalty factor (WAD, >= 1e18): tab = debt at kick x chop. Maker: 1.13e18.
    uint256 chop;
}

/// @title EnglishAuction
/// @notice A liquidation module that sells a liquidatable position's collateral in a two-phase English
///         auction, after Maker's Flipper (dss flip.sol) as it ran on 12 March 2020 ("Black Thursday").
///         `kick` takes the position whole from the market and opens an auction of all its collateral (the
///         lot) for the tab = debt x chop. Tend phase: bidders raise a loan-token bid for the whole lot, by at
///         least `beg`, up to the tab. Dent phase (the bid reached the tab): bidders lower the collateral they
///         accept for the tab, by at least `beg`; the collateral given up goes back to the borrower. A bid lives
///         `ttl` seconds; the auction ends `tau` seconds after the kick at the latest. `deal` gives the lot to
///         the winner and settles the debt: the bid repays the auction's borrow shares, what is above the debt
///         (the penalty) joins the market's insurance fund, and what the bid left unpaid is written off as bad
///         debt (insurance fund first, then lenders). An auction nobody bid on is restarted with `tick`.
/// @dev As in Flipper, any positive bid is a valid first bid, so a lone keeper can win the whole lot for
///      1 wei when no one else bids before `ttl` runs out (the Black Thursday "zero bids"); the debt is then
///      written off almost whole. That is the mechanism this module reproduces, not a bug to fix here.
///      Accounting: every running auction's debt sits on this contract's one market account; each auction
///      records its own `shares` (borrow shares, which keep accruing interest), so at any time the module's
///      market borrow shares are the sum of the running auctions' shares, it holds exactly the sum of their
///      lots in collateral and the sum of their current bids in loan tokens. Refunds and the dent's returned
///      collateral are pushed at once (an outbid bidder is repaid in the same call, as Flipper moved dai
///      between bidders; the borrower receives the collateral given up in each dent immediately).
///      A position with debt and no collateral (the market does not produce one) would be auctioned with a
///      zero lot: any 1-wei bid settles it, writing the debt off. Interest accrued after the kick is owed too:
///      a bid of the full tab still leaves bad debt if the debt outgrew the tab (chop close to 1).
contract EnglishAuction is ILiquidationModule, ReentrancyGuardTransient {
    using MathLib for uint256;
    using SharesMathLib for uint256;
    using SafeERC20 for IERC20Metadata;

    /// @dev One auction. `guy`, `tic` and `end` share a storage slot.
    struct Auction {
        uint256 bid; // loan tokens bid for the lot (0 before the first tend)
        uint256 lot; // collateral tokens on sale
        address guy; // current high bidder (address(0) before the first tend)
        uint48 tic; // bid expiry, unix seconds (0 before the first tend)
        uint48 end; // auction end, unix seconds (0 = no such auction)
        address borrower; // the position's owner, who gets the collateral given up in the dent phase
        uint256 tab; // loan tokens to raise: debt at kick x chop, rounded up
        uint256 shares; // the market borrow shares this auction owes
        uint256 returned; // collateral already sent back to the borrower in the dent phase
    }

    /// @notice Longest `ttl` or `tau` accepted (seconds), so that now + tau fits the uint48 timestamps.
    uint256 public constant MAX_DURATION = type(uint32).max;

    ILendingMarket public immutable market;
    IERC20Metadata public immutable loanToken;
    IERC20Metadata public immutable collateralToken;
    /// @notice Minimum bid increase (WAD, > 1e18).
    uint256 public immutable beg;
    /// @notice Seconds a bid lives.
    uint256 public immutable ttl;
    /// @notice Maximum auction length in seconds.
    uint256 public immutable tau;
    /// @notice Liquidation penalty factor (WAD, >= 1e18).
    uint256 public immutable chop;

    /// @notice Number of auctions ever kicked; ids are 1..count.
    uint256 public count;

    mapping(uint256 id => Auction) internal auctions;
    uint256[] internal activeIds;
    /// @dev Position of a running auction in `activeIds`, plus one (0 = not running).
    mapping(uint256 id => uint256) internal activeSlot;

    /// @notice An auction of `lot` collateral for `tab` loan tokens opened on `borrower`'s position, ending at `end`.
    event Kick(uint256 indexed id, address indexed borrower, uint256 tab, uint256 lot, uint256 end);
    /// @notice `guy` bid `bid` loan tokens for the whole `lot` (tend phase).
    event Tend(uint256 indexed id, address indexed guy, uint256 lot, uint256 bid);
    /// @notice `guy` accepted `lot` collateral for the tab `bid` (dent phase).
    event Dent(uint256 indexed id, address indexed guy, uint256 lot, uint256 bid);
    /// @notice An auction nobody bid on was restarted, to end at `end`.
    event Tick(uint256 indexed id, uint256 end);
    /// @notice Settled: `winner` received `lot` collateral for `bid` loan tokens; `collateralReturned` went back
    ///         to `borrower` in the dent phase; `badDebt` loan tokens of debt were written off.
    event Deal(
        uint256 indexed id,
        address indexed winner,
        address indexed borrower,
        uint256 bid,
        uint256 lot,
        uint256 collateralReturned,
        uint256 badDebt
    );

    /// @param market_ The market whose liquidation module this contract is (its owner sets it with
    ///        `setLiquidationModule`). The market is approved once for the loan token (repayments, insurance).
    /// @param params Auction parameters; reverts BegOutOfRange, EnglishAuctionDurationOutOfRange,
    ///        EnglishAuctionChopBelowOne or AddressIsZero.
    constructor(ILendingMarket market_, EnglishAuctionParams memory params) {
        if (address(market_) == address(0)) revert Errors.AddressIsZero();
        if (params.beg <= WAD) revert Errors.BegOutOfRange(params.beg);
        if (params.ttl == 0 || params.ttl > MAX_DURATION) revert Errors.EnglishAuctionDurationOutOfRange(params.ttl);
        if (params.tau == 0 || params.tau > MAX_DURATION) revert Errors.EnglishAuctionDurationOutOfRange(params.tau);
        if (params.chop < WAD) revert Errors.EnglishAuctionChopBelowOne(params.chop);
        market = market_;
        loanToken = market_.loanToken();
        collateralToken = market_.collateralToken();
        beg = params.beg;
        ttl = params.ttl;
        tau = params.tau;
        chop = params.chop;
        loanToken.forceApprove(address(market_), type(uint256).max);
    }

    // ---------------------------------------------------------------- auctions

    /// @notice Takes `borrower`'s liquidatable position whole from the market and opens an auction of all its
    ///         collateral for tab = debt x chop (loan-token units, rounded up), ending `tau` seconds from now.
    ///         Anyone may call.
    /// @dev The market checks the position (PositionHasNoDebt, PositionNotLiquidatable, LiquidationsPaused,
    ///      oracle errors). Reverts EnglishAuctionCannotKickItself for this contract's own account.
    /// @return id The new auction's id (count after the kick).
    function kick(address borrower) external nonReentrant returns (uint256 id) {
        if (borrower == address(this)) revert Errors.EnglishAuctionCannotKickItself();
        (uint256 debt, uint256 shares, uint256 lot) = market.transferPosition(borrower);
        id = ++count;
        uint256 tab = debt.wMulUp(chop);
        uint256 end = block.timestamp + tau;
        auctions[id] = Auction({
            bid: 0,
            lot: lot,
            guy: address(0),
            tic: 0,
            end: uint48(end),
            borrower: borrower,
            tab: tab,
            shares: shares,
            returned: 0
        });
        activeIds.push(id);
        activeSlot[id] = activeIds.length;
        emit Kick(id, borrower, tab, lot, end);
    }

    /// @notice Tend phase: bids `bid` loan tokens (caller must approve this contract) for the whole `lot`.
    ///         The caller pays `bid` and the previous bidder is refunded its bid (a bidder raising its own bid
    ///         pays the difference). The bid then lives `ttl` seconds.
    /// @dev Requires a running auction (EnglishAuctionNotFound, EnglishAuctionBidExpired, EnglishAuctionEnded),
    ///      lot == current lot (LotMismatch), bid <= tab (BidAboveTab), bid > current bid (BidNotHigher) and
    ///      bid >= current bid x beg rounded up unless bid == tab (BidIncreaseTooSmall). Any positive first bid
    ///      is valid.
    /// @param lot The current lot (collateral units), guarding against a changed auction.
    /// @param bid Loan-token units.
    function tend(uint256 id, uint256 lot, uint256 bid) external nonReentrant {
        Auction storage a = _live(id);
        if (lot != a.lot) revert Errors.LotMismatch(lot, a.lot);
        uint256 tab = a.tab;
        if (bid > tab) revert Errors.BidAboveTab(bid, tab);
        uint256 current = a.bid;
        if (bid <= current) revert Errors.BidNotHigher(bid, current);
        if (bid != tab) {
            uint256 minimum = current.wMulUp(beg);
            if (bid < minimum) revert Errors.BidIncreaseTooSmall(bid, minimum);
        }
        address previous = a.guy;
        a.bid = bid;
        a.guy = msg.sender;
        a.tic = uint48(block.timestamp + ttl);
        emit Tend(id, msg.sender, lot, bid);
        if (previous == msg.sender) {
            loanToken.safeTransferFrom(msg.sender, address(this), bid - current);
        } else {
            loanToken.safeTransferFrom(msg.sender, address(this), bid);
            if (previous != address(0)) loanToken.safeTransfer(previous, current);
        }
    }

    /// @notice Dent phase: accepts `lot` collateral for the tab. The caller pays the tab (caller must approve
    ///         this contract) and the previous bidder is refunded it (nothing moves when the caller already
    ///         holds the bid); the collateral given up (current lot - lot) is sent to the borrower at once.
    ///         The bid then lives `ttl` seconds.
    /// @dev Requires a running auction (as `tend`), bid == tab (DentBidNotTab) == current bid (TendPhaseNotOver),
    ///      lot < current lot (LotNotLower) and lot <= current lot / beg rounded down (LotDecreaseTooSmall).
    /// @param lot Collateral units accepted.
    /// @param bid Loan-token units: the tab.
    function dent(uint256 id, uint256 lot, uint256 bid) external nonReentrant {
        Auction storage a = _live(id);
        uint256 tab = a.tab;
        if (bid != tab) revert Errors.DentBidNotTab(bid, tab);
        if (a.bid != tab) revert Errors.TendPhaseNotOver(a.bid, tab);
        uint256 current = a.lot;
        if (lot >= current) revert Errors.LotNotLower(lot, current);
        uint256 maximum = current.mulDivDown(WAD, beg);
        if (lot > maximum) revert Errors.LotDecreaseTooSmall(lot, maximum);
        address previous = a.guy;
        uint256 givenUp = current - lot;
        a.lot = lot;
        a.returned += givenUp;
        a.guy = msg.sender;
        a.tic = uint48(block.timestamp + ttl);
        emit Dent(id, msg.sender, lot, bid);
        if (previous != msg.sender) {
            loanToken.safeTransferFrom(msg.sender, address(this), tab);
            loanToken.safeTransfer(previous, tab);
        }
        collateralToken.safeTransfer(a.borrower, givenUp);
    }

    /// @notice Settles a finished auction (a bid placed, and either it expired or the auction reached its
    ///         end): the winner receives the lot; the bid repays the auction's borrow shares; the part above
    ///         the debt (with interest to now) joins the market's insurance fund; when the bid is below the debt
    ///         it repays what it can and the rest of the shares is written off as `borrower`'s bad debt
    ///         (insurance fund first, then lenders). Anyone may call.
    /// @dev Reverts EnglishAuctionNotFound, or EnglishAuctionNotFinished unless tic != 0 and (tic < now or
    ///      end < now). The auction's record is deleted, as in Flipper.
    function deal(uint256 id) external nonReentrant {
        Auction memory a = auctions[id];
        if (a.end == 0) revert Errors.EnglishAuctionNotFound(id);
        if (a.tic == 0 || (a.tic >= block.timestamp && a.end >= block.timestamp)) {
            revert Errors.EnglishAuctionNotFinished(id);
        }
        delete auctions[id];
        _deactivate(id);

        (,, uint256 borrowAssets, uint256 borrowShares) = market.expectedTotals();
        uint256 debt = a.shares.toAssetsUp(borrowAssets, borrowShares);
        uint256 badDebt;
        if (a.bid >= debt) {
            uint256 paid = market.repayShares(a.shares);
            uint256 surplus = a.bid - paid;
            if (surplus != 0) market.fundInsurance(surplus);
        } else {
            // bid < debt: repay burns bid's shares rounded down, strictly fewer than the auction's.
            (, uint256 burned) = market.repay(a.bid);
            badDebt = market.writeOff(a.borrower, a.shares - burned);
        }
        emit Deal(id, a.guy, a.borrower, a.bid, a.lot, a.returned, badDebt);
        if (a.lot != 0) collateralToken.safeTransfer(a.guy, a.lot);
    }

    /// @notice Restarts an auction that reached its end with no bid: it now ends `tau` seconds from now.
    ///         Anyone may call.
    /// @dev Reverts EnglishAuctionNotFound, EnglishAuctionNotEnded (end >= now) or EnglishAuctionHasBid.
    function tick(uint256 id) external nonReentrant {
        Auction storage a = auctions[id];
        uint256 end = a.end;
        if (end == 0) revert Errors.EnglishAuctionNotFound(id);
        if (end >= block.timestamp) revert Errors.EnglishAuctionNotEnded(id, end);
        if (a.tic != 0) revert Errors.EnglishAuctionHasBid(id);
        end = block.timestamp + tau;
        a.end = uint48(end);
        emit Tick(id, end);
    }

    // ---------------------------------------------------------------- views

    /// @notice Auction `id` (all zero once dealt or if never kicked): `bid` loan tokens, `lot` collateral,
    ///         high bidder `guy`, bid expiry `tic` and `end` (unix seconds), the `borrower`, the `tab` (loan
    ///         tokens) and the borrow `shares` it owes the market.
    function bids(uint256 id)
        external
        view
        returns (
            uint256 bid,
            uint256 lot,
            address guy,
            uint48 tic,
            uint48 end,
            address borrower,
            uint256 tab,
            uint256 shares
        )
    {
        Auction storage a = auctions[id];
        return (a.bid, a.lot, a.guy, a.tic, a.end, a.borrower, a.tab, a.shares);
    }

    /// @notice Collateral auction `id` has sent back to its borrower in the dent phase so far (0 once dealt).
    function collateralReturned(uint256 id) external view returns (uint256) {
        return auctions[id].returned;
    }

    /// @notice Ids of the auctions kicked and not yet dealt, in no particular order.
    function active() external view returns (uint256[] memory ids) {
        return activeIds;
    }

    /// @inheritdoc ILiquidationModule
    /// @dev Always true: every liquidation of the market goes through an auction.
    function takesLiquidation(address, uint256, uint256) external pure returns (bool) {
        return true;
    }

    // ---------------------------------------------------------------- internal

    /// @dev A running auction accepting bids: kicked, not dealt, bid not expired, end not reached.
    function _live(uint256 id) internal view returns (Auction storage a) {
        a = auctions[id];
        uint256 end = a.end;
        if (end == 0) revert Errors.EnglishAuctionNotFound(id);
        uint256 tic = a.tic;
        if (tic != 0 && tic <= block.timestamp) revert Errors.EnglishAuctionBidExpired(id, tic);
        if (end <= block.timestamp) revert Errors.EnglishAuctionEnded(id, end);
    }

    function _deactivate(uint256 id) internal {
        uint256 slot = activeSlot[id];
        uint256 last = activeIds[activeIds.length - 1];
        activeIds[slot - 1] = last;
        activeSlot[last] = slot;
        activeIds.pop();
        delete activeSlot[id];
    }
}
