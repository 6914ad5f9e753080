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

/// @notice DutchAuction's parameters. Ratios are WAD, times in seconds, the tip in loan-token base units.
struct DutchAuctionParams {
    /// Start price = oracle price x buf (>= 1e18).
    uint256 buf;
    /// The tab raised = debt at kick x chop (>= 1e18): the liquidation penalty.
    uint256 chop;
    /// An auction older than this since its (re)start needs a reset (> 0).
    uint256 tail;
    /// An auction whose price fell below top x cusp needs a reset (0 < cusp < 1e18).
    uint256 cusp;
    /// 0 = linear to zero over `tau`; 1 = exponential stairstep, x `cut` every `step` seconds.
    uint8 decay;
    /// Linear decay: seconds from the start price to zero (> 0).
    uint256 tau;
    /// Exponential decay: the factor per step (0 < cut < 1e18).
    uint256 cut;
    /// Exponential decay: seconds per step (> 0).
    uint256 step;
    /// Share of the tab paid to whoever kicks or resets an auction (<= 1e18).
    uint256 chip;
    /// Flat incentive to whoever kicks or resets an auction, loan-token base units.
    uint256 tip;
}

/// @title DutchAuction
/// @notice A Dutch auction house after Maker's Liquidations 2.0 Clipper, as the market's liquidation module.
///         `kick` takes a liquidatable position whole (`transferPosition`) and starts an auction of its
///         collateral (the lot) for the tab, debt x chop plus the kicker's incentive, at a start price of
///         the oracle price x buf. The price falls with time (linearly to zero, or by `cut` every `step`
///         seconds). Anyone may `take` any part of the lot at the current price, up to a price limit, until
///         the tab is raised (the rest of the lot returns to the borrower) or the lot is sold (the debt not
///         raised is written off as bad debt: the market's insurance fund first, then lenders). An auction
///         older than `tail` or below `cusp` of its start price must be reset (`redo`) before anyone can take.
/// @dev Prices are in the market oracle's format (loan per whole collateral token, its decimals), so keepers
///      compare them with the oracle directly. The proceeds of each take go, in order, to the incentives
///      owed to kickers and resetters, to the auction's debt (its own borrow shares on the module's market
///      account, which keep accruing interest), and to the market's insurance fund (the penalty).
///      The auction's debt keeps accruing, so the tab never counts less than the debt now plus the
///      incentives owed: interest that outgrows the penalty is raised from the lot as well.
///      Differences from Maker: the incentive is not minted by a Vow but owed and paid first out of the
///      proceeds, so the system bears it as in Maker, but an auction that raises nothing pays nothing; no
///      `hole` (limit on debt in auction), no `chost` dust rule (a take may leave any tab), no flash callback.
contract DutchAuction is ILiquidationModule, ReentrancyGuardTransient {
    using MathLib for uint256;
    using SharesMathLib for uint256;
    using SafeERC20 for IERC20Metadata;

    /// @dev The fixed-point paths multiply the answer by units up to 1e36; larger answers are refused (as the market).
    uint256 internal constant MAX_ORACLE_ANSWER = 1e36;

    struct Sale {
        address borrower;
        /// Loan-token base units still to raise (debt x chop + incentives, less proceeds so far).
        uint256 tab;
        /// Collateral still for sale.
        uint256 lot;
        /// Start price of the current (re)start, oracle format.
        uint256 top;
        /// Timestamp of the current (re)start.
        uint256 tic;
        /// The auction's borrow shares on the module's market account.
        uint256 shares;
        /// Incentive owed to the kicker `kpr`, paid first out of the proceeds.
        uint256 owed;
        address kpr;
        /// Incentive owed to the latest resetter `rkpr`, paid next (a later reset replaces an unpaid one).
        uint256 rowed;
        address rkpr;
        uint256 raised;
        uint256 sold;
    }

    event Kick(uint256 indexed id, address indexed borrower, uint256 top, uint256 tab, uint256 lot, address indexed kpr, uint256 coin);
    event Take(
        uint256 indexed id, address indexed taker, address who, uint256 price, uint256 owe, uint256 slice, uint256 tabLeft, uint256 lotLeft
    );
    event Redo(uint256 indexed id, uint256 top, address indexed kpr, uint256 coin);
    event End(
        uint256 indexed id, address indexed borrower, uint256 raised, uint256 collateralSold, uint256 collateralReturned, uint256 badDebt
    );

    ILendingMarket public immutable market;
    IERC20Metadata internal immutable collateralToken;
    IERC20Metadata internal immutable loanToken;
    uint256 internal immutable collateralUnit;
    uint256 internal immutable loanUnit;

    uint256 public immutable buf;
    uint256 public immutable chop;
    uint256 public immutable tail;
    uint256 public immutable cusp;
    uint8 public immutable decay;
    uint256 public immutable tau;
    uint256 public immutable cut;
    uint256 public immutable step;
    uint256 public immutable chip;
    uint256 public immutable tip;

    /// @notice Auctions ever kicked; ids are 1 .. count.
    uint256 public count;
    mapping(uint256 id => Sale) internal _sales;
    uint256[] internal _active;
    mapping(uint256 id => uint256) internal _activeIndex; // position in _active plus one; 0 = not running

    /// @param market_ The market this house liquidates for (set it as the market's module afterwards).
    /// @param p The auction parameters (DutchAuctionParams); reverts AuctionParameterOutOfRange naming the first bad one.
    constructor(ILendingMarket market_, DutchAuctionParams memory p) {
        if (address(market_) == address(0)) revert Errors.AddressIsZero();
        if (p.buf < WAD) revert Errors.AuctionParameterOutOfRange("buf", p.buf);
        if (p.chop < WAD) revert Errors.AuctionParameterOutOfRange("chop", p.chop);
        if (p.tail == 0) revert Errors.AuctionParameterOutOfRange("tail", p.tail);
        if (p.cusp == 0 || p.cusp >= WAD) revert Errors.AuctionParameterOutOfRange("cusp", p.cusp);
        if (p.decay > 1) revert Errors.AuctionParameterOutOfRange("decay", p.decay);
        if (p.decay == 0 && p.tau == 0) revert Errors.AuctionParameterOutOfRange("tau", p.tau);
        if (p.decay == 1 && (p.cut == 0 || p.cut >= WAD)) revert Errors.AuctionParameterOutOfRange("cut", p.cut);
        if (p.decay == 1 && p.step == 0) revert Errors.AuctionParameterOutOfRange("step", p.step);
        if (p.chip > WAD) revert Errors.AuctionParameterOutOfRange("chip", p.chip);
        market = market_;
        collateralToken = market_.collateralToken();
        loanToken = market_.loanToken();
        collateralUnit = 10 ** uint256(collateralToken.decimals());
        loanUnit = 10 ** uint256(loanToken.decimals());
        (buf, chop, tail, cusp, decay, tau, cut, step, chip, tip) =
            (p.buf, p.chop, p.tail, p.cusp, p.decay, p.tau, p.cut, p.step, p.chip, p.tip);
        loanToken.forceApprove(address(market_), type(uint256).max);
    }

    // ---------------------------------------------------------------- keepers

    /// @notice Takes `borrower`'s liquidatable position and starts its auction; `kpr` is owed the incentive
    ///         tip + chip x debt x chop, paid first out of the proceeds. Anyone may call; `kpr` must not be 0.
    /// @dev The market checks the position (PositionHasNoDebt, PositionNotLiquidatable, LiquidationsPaused,
    ///      the oracle errors); the start price needs a fresh oracle answer too.
    function kick(address borrower, address kpr) external nonReentrant returns (uint256 id) {
        // The incentive is paid by transfer out of every take: a zero keeper would block the auction.
        if (kpr == address(0)) revert Errors.AddressIsZero();
        (uint256 debt, uint256 shares, uint256 lot) = market.transferPosition(borrower);
        uint256 due = debt.wMulUp(chop);
        uint256 coin = tip + due.wMulDown(chip);
        uint256 top = _oraclePrice().wMulUp(buf);
        id = ++count;
        _sales[id] = Sale(borrower, due + coin, lot, top, block.timestamp, shares, coin, kpr, 0, address(0), 0, 0);
        _active.push(id);
        _activeIndex[id] = _active.length;
        emit Kick(id, borrower, top, due + coin, lot, kpr, coin);
    }

    /// @notice Buys up to `amt` collateral of auction `id` at its current price, if that is at most `maxPrice`
    ///         (oracle format); the collateral goes to `who`, the caller pays (approve the loan token).
    /// @dev Buys no more than the tab pays for: when `amt` x price exceeds the tab, the caller pays the tab
    ///      and gets the collateral it buys, rounded down. Pays the price x collateral rounded up. Reverts
    ///      AuctionNotRunning, AuctionNeedsReset, AuctionPriceAboveMax, AmountIsZero.
    function take(uint256 id, uint256 amt, uint256 maxPrice, address who)
        external
        nonReentrant
        returns (uint256 slice, uint256 owe)
    {
        Sale storage s = _running(id);
        uint256 price = _price(s);
        if (_needsRedo(s, price)) revert Errors.AuctionNeedsReset(id);
        if (price > maxPrice) revert Errors.AuctionPriceAboveMax(price, maxPrice);
        s.tab = _tabNow(s);
        slice = MathLib.min(s.lot, amt);
        owe = _valueUp(slice, price);
        if (owe > s.tab) {
            owe = s.tab;
            slice = MathLib.min(s.lot, owe.mulDivDown(collateralUnit * _priceUnit(), price * loanUnit));
        }
        if (slice == 0 || owe == 0) revert Errors.AmountIsZero();
        // A tab left below one collateral base unit's price could never be taken (every slice would round to
        // zero: Maker's `chost` avoids it with a dust floor): the taker pays that remainder too.
        if (owe < s.tab && s.tab - owe < _valueUp(1, price)) owe = s.tab;
        s.lot -= slice;
        s.tab -= owe;
        s.raised += owe;
        s.sold += slice;
        emit Take(id, msg.sender, who, price, owe, slice, s.tab, s.lot);

        loanToken.safeTransferFrom(msg.sender, address(this), owe);
        collateralToken.safeTransfer(who, slice);
        _pay(s, owe);
        if (s.tab == 0 || s.lot == 0) _end(id, s);
    }

    /// @notice Restarts auction `id` at the oracle price x buf, once it is older than `tail` or below `cusp`
    ///         of its start price; `kpr` is owed tip + chip x tab out of the proceeds. Anyone may call.
    /// @dev Reverts AuctionNotRunning, AuctionDoesNotNeedReset and the oracle errors.
    function redo(uint256 id, address kpr) external nonReentrant {
        if (kpr == address(0)) revert Errors.AddressIsZero();
        Sale storage s = _running(id);
        if (!_needsRedo(s, _price(s))) revert Errors.AuctionDoesNotNeedReset(id);
        uint256 coin = tip + s.tab.wMulDown(chip);
        uint256 top = _oraclePrice().wMulUp(buf);
        s.top = top;
        s.tic = block.timestamp;
        s.tab = s.tab - s.rowed + coin;
        s.rowed = coin;
        s.rkpr = kpr;
        emit Redo(id, top, kpr, coin);
    }

    // ---------------------------------------------------------------- views

    /// @inheritdoc ILiquidationModule
    /// @dev Every liquidation of the market is an auction.
    function takesLiquidation(address, uint256, uint256) external pure returns (bool) {
        return true;
    }

    /// @notice Auction `id`'s price now (oracle format); 0 for an auction not running.
    function price(uint256 id) external view returns (uint256) {
        return _activeIndex[id] == 0 ? 0 : _price(_sales[id]);
    }

    /// @notice Whether auction `id` needs a reset, its price now, and its lot and tab (0s when not running).
    function getStatus(uint256 id) external view returns (bool needsRedo, uint256 price_, uint256 lot, uint256 tab) {
        if (_activeIndex[id] == 0) return (false, 0, 0, 0);
        Sale storage s = _sales[id];
        price_ = _price(s);
        return (_needsRedo(s, price_), price_, s.lot, _tabNow(s));
    }

    /// @notice The running auctions' ids, in no particular order.
    function active() external view returns (uint256[] memory ids) {
        return _active;
    }

    /// @notice Auction `id` as it stands (an ended auction keeps its borrower; lot, tab and shares are 0).
    function sales(uint256 id)
        external
        view
        returns (address borrower, uint256 tab, uint256 lot, uint256 top, uint256 tic, uint256 shares)
    {
        Sale storage s = _sales[id];
        return (s.borrower, s.tab, s.lot, s.top, s.tic, s.shares);
    }

    // ---------------------------------------------------------------- internal

    function _running(uint256 id) internal view returns (Sale storage s) {
        if (_activeIndex[id] == 0) revert Errors.AuctionNotRunning(id);
        return _sales[id];
    }

    /// @dev Linear: top x (tau - elapsed) / tau, 0 from tau on. Exponential: top x cut^(elapsed / step), whole steps.
    function _price(Sale storage s) internal view returns (uint256) {
        uint256 elapsed = block.timestamp - s.tic;
        if (decay == 0) return elapsed >= tau ? 0 : s.top.mulDivDown(tau - elapsed, tau);
        return s.top.wMulDown(_wPow(cut, elapsed / step));
    }

    /// @dev The tab, but at least the incentives still owed plus the auction's debt now: the debt keeps
    ///      accruing on the module's market account, and interest that outgrows the penalty is raised from
    ///      the lot too rather than written off while collateral goes back to the borrower.
    function _tabNow(Sale storage s) internal view returns (uint256) {
        if (s.shares == 0) return s.tab;
        (,, uint256 borrowAssets, uint256 borrowShares) = market.expectedTotals();
        return MathLib.max(s.tab, s.owed + s.rowed + s.shares.toAssetsUp(borrowAssets, borrowShares));
    }

    function _needsRedo(Sale storage s, uint256 price_) internal view returns (bool) {
        return block.timestamp - s.tic > tail || price_ < s.top.wMulDown(cusp);
    }

    /// @dev x^n in WAD by squaring, each product rounded down.
    function _wPow(uint256 x, uint256 n) internal pure returns (uint256 z) {
        z = WAD;
        while (n != 0) {
            if (n & 1 == 1) z = z.wMulDown(x);
            x = x.wMulDown(x);
            n >>= 1;
        }
    }

    /// @dev Loan base units for `amount` collateral at `price_` (oracle format), rounded up: the taker pays.
    function _valueUp(uint256 amount, uint256 price_) internal view returns (uint256) {
        return amount.mulDivUp(price_ * loanUnit, collateralUnit * _priceUnit());
    }

    function _priceUnit() internal view returns (uint256) {
        return 10 ** uint256(market.oracle().decimals());
    }

    /// @dev The market's oracle answer, checked for sign, range and age as the market checks it.
    function _oraclePrice() internal view returns (uint256) {
        (int256 answer, uint256 updatedAt) = market.oracleAnswer();
        if (answer <= 0) revert Errors.OracleAnswerNonPositive(answer);
        if (uint256(answer) > MAX_ORACLE_ANSWER) revert Errors.OracleAnswerTooLarge(answer);
        uint256 maxAge = market.maxOracleAge();
        if (updatedAt > block.timestamp || block.timestamp - updatedAt > maxAge) {
            revert Errors.OracleAnswerStale(updatedAt, maxAge);
        }
        return uint256(answer);
    }

    /// @dev Proceeds in order: the incentives owed (kicker, then resetter), the auction's debt, the penalty
    ///      into the insurance fund.
    function _pay(Sale storage s, uint256 amount) internal {
        uint256 incentive = MathLib.min(s.owed, amount);
        if (incentive != 0) {
            s.owed -= incentive;
            amount -= incentive;
            loanToken.safeTransfer(s.kpr, incentive);
        }
        incentive = MathLib.min(s.rowed, amount);
        if (incentive != 0) {
            s.rowed -= incentive;
            amount -= incentive;
            loanToken.safeTransfer(s.rkpr, incentive);
        }
        if (amount != 0 && s.shares != 0) {
            (,, uint256 borrowAssets, uint256 borrowShares) = market.expectedTotals();
            uint256 debt = s.shares.toAssetsUp(borrowAssets, borrowShares);
            if (amount >= debt) {
                amount -= market.repayShares(s.shares);
                s.shares = 0;
            } else {
                (, uint256 burned) = market.repay(amount);
                s.shares -= burned;
                amount = 0;
            }
        }
        if (amount != 0) market.fundInsurance(amount);
    }

    /// @dev Ends auction `id`: the borrower gets back the lot left, and the debt not raised is written off.
    function _end(uint256 id, Sale storage s) internal {
        uint256 returned = s.lot;
        uint256 badDebt;
        if (s.shares != 0) {
            badDebt = market.writeOff(s.borrower, s.shares);
            s.shares = 0;
        }
        s.lot = 0;
        s.tab = 0;
        s.owed = 0;
        s.rowed = 0;
        uint256 index = _activeIndex[id];
        uint256 last = _active[_active.length - 1];
        _active[index - 1] = last;
        _activeIndex[last] = index;
        _active.pop();
        delete _activeIndex[id];
        emit End(id, s.borrower, s.raised, s.sold, returned, badDebt);
        if (returned != 0) collateralToken.safeTransfer(s.borrower, returned);
    }
}
