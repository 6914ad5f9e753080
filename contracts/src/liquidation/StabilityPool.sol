// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20Metadata} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Metadata.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {AggregatorV3Interface} from "../interfaces/AggregatorV3Interface.sol";
import {Errors} from "../libraries/Errors.sol";
import {MathLib} from "../libraries/MathLib.sol";
import {ILendingMarket} from "../lending/ILendingMarket.sol";
import {ILiquidationModule} from "../lending/ILiquidationModule.sol";

/// @title StabilityPool
/// @notice A backstop pool after Liquity's stability pool, as the market's liquidation module: depositors
///         of the loan asset absorb liquidated positions whole. `absorb` (anyone) takes a liquidatable
///         position with `transferPosition`, repays its whole debt from the pool's loan balance with
///         `repayShares`, and keeps the collateral, less `callerShare` of it paid to the caller as gas
///         compensation. Nothing is sold into any market: depositors earn the liquidation discount (the
///         collateral's oracle value above the debt) in collateral, and bear the loss of a position whose
///         collateral is worth less than its debt, so no bad debt reaches the lenders while the pool covers.
///         A position the pool cannot cover is refused (`takesLiquidation` answers false) and the market's
///         own liquidation is the fallback.
/// @dev Share accounting instead of Liquity's product-sum (P, S). Depositors own shares of the pool's two
///      balances, loan token and collateral. `deposit` mints shares at the pool's value, loan balance +
///      collateral balance x oracle price (the market's oracle, loan per whole collateral, fresh), and
///      `withdraw` pays the shares' pro-rata part of both balances.
///
///      Equivalence: Liquity credits each depositor, over the liquidations it stays through, with its
///      compounded deposit d x P_now / P_0 (its part of the LUSD left) and the collateral gain
///      d x (S_now - S_0) / P_0 (its part of the collateral received), both pro rata of its LUSD at each
///      liquidation. A depositor holding a fixed fraction f of the shares here loses f x debt of the loan
///      balance and gains f x collateral kept at each absorb: the same two amounts, because the collateral
///      is never spent (absorbs draw only on the loan balance), so every depositor's claim has the pool's
///      composition and its loan part is exactly f of the loan balance, as in Liquity.
///      Differences: (1) entering and leaving is priced at the oracle: a later depositor buys into the pool's
///      collateral at the oracle price instead of Liquity's LUSD-only entry, so it never shares an earlier
///      depositor's collateral gain, but that depositor's claim then holds more loan token and less
///      collateral (value-neutral at the oracle price; a lagging oracle lets entries trade against the pool);
///      (2) `withdraw` pays both tokens pro rata (Liquity pays the compounded LUSD and the whole collateral
///      gain separately, and claims the gain on every deposit change); (3) Liquity refuses withdrawals while
///      an undercollateralized trove exists, this pool does not, so a depositor may leave (or enter) ahead of
///      an absorb; (4) the caller's gas compensation is `callerShare` of the collateral only (Liquity: 0.5%
///      plus a 200 LUSD reserve); no LQTY issuance, front ends, epochs or scales.
///
///      Share inflation: balances are internal (tokens sent to the pool directly are not counted and stay
///      stuck), so the value per share moves only with absorbs and the oracle price, for every share alike;
///      a donation cannot inflate it. So the first deposit mints shares = assets, with no virtual shares or
///      minimum; withdrawing every share pays out both balances whole, so an empty pool has no shares.
///      Rounding favours the depositors already in: the collateral is valued rounded up for a deposit,
///      shares mint rounded down, withdrawals and the caller reward round down.
contract StabilityPool is ILiquidationModule, ReentrancyGuardTransient {
    using MathLib for uint256;
    using SafeERC20 for IERC20Metadata;

    /// @notice Upper bound of `callerShare` (WAD, 5%).
    uint256 public constant MAX_CALLER_SHARE = 0.05e18;
    /// @dev The fixed-point valuation multiplies the answer by the loan unit; larger answers are refused (as the market).
    uint256 internal constant MAX_ORACLE_ANSWER = 1e36;

    /// @notice The market whose liquidation module this pool is.
    ILendingMarket public immutable market;
    IERC20Metadata public immutable loanToken;
    IERC20Metadata public immutable collateralToken;
    /// @notice Share (WAD) of each absorbed position's collateral sent to the caller of `absorb`.
    uint256 public immutable callerShare;
    uint256 internal immutable loanUnit;
    uint256 internal immutable collateralUnit;

    /// @notice Loan tokens the pool holds for depositors (loan-token units).
    uint256 public loanBalance;
    /// @notice Collateral the pool holds for depositors (collateral-token units).
    uint256 public collateralBalance;
    /// @notice Shares outstanding.
    uint256 public totalShares;
    /// @notice Shares held by `account`.
    mapping(address account => uint256) public sharesOf;

    /// @notice `depositor` paid `assets` loan tokens for `shares`.
    event Deposit(address indexed depositor, uint256 assets, uint256 shares);
    /// @notice `depositor` burned `shares` for `assets` loan tokens and `collateral` collateral tokens.
    event Withdraw(address indexed depositor, uint256 shares, uint256 assets, uint256 collateral);
    /// @notice `caller` had the pool absorb `borrower`'s position: `debt` repaid (loan-token units) against
    ///         `collateral` taken (collateral-token units), of which `callerReward` went to the caller.
    event Absorb(address indexed borrower, address indexed caller, uint256 debt, uint256 collateral, uint256 callerReward);

    /// @param market_ The market; the owner must also make this pool its liquidation module.
    /// @param callerShare_ Share (WAD, <= MAX_CALLER_SHARE) of each absorbed position's collateral paid to
    ///        the caller of `absorb` (Liquity: 0.005e18).
    /// @dev Approves the market for the loan token without limit (it pulls the repayments). Reverts
    ///      AddressIsZero, CallerShareTooLarge.
    constructor(ILendingMarket market_, uint256 callerShare_) {
        if (address(market_) == address(0)) revert Errors.AddressIsZero();
        if (callerShare_ > MAX_CALLER_SHARE) revert Errors.CallerShareTooLarge(callerShare_, MAX_CALLER_SHARE);
        market = market_;
        callerShare = callerShare_;
        IERC20Metadata loan = market_.loanToken();
        IERC20Metadata coll = market_.collateralToken();
        loanToken = loan;
        collateralToken = coll;
        loanUnit = 10 ** uint256(loan.decimals());
        collateralUnit = 10 ** uint256(coll.decimals());
        loan.forceApprove(address(market_), type(uint256).max);
    }

    // ---------------------------------------------------------------- depositors

    /// @notice Deposits `assets` loan tokens (caller must approve) for shares at the pool's value.
    /// @dev First deposit (no shares): shares = assets. Later: shares = assets x totalShares / value rounded
    ///      down, value = loanBalance + collateralBalance x price (loan units, rounded up) at a fresh answer of
    ///      the market's oracle; the oracle is read only while the pool holds collateral. Reverts AmountIsZero,
    ///      OracleAnswerNonPositive, OracleAnswerTooLarge, OracleAnswerStale (the market's max age),
    ///      PoolHasNoValue, DepositMintsNoShares.
    /// @param assets Loan-token units.
    /// @return shares Shares minted.
    function deposit(uint256 assets) external nonReentrant returns (uint256 shares) {
        if (assets == 0) revert Errors.AmountIsZero();
        uint256 supply = totalShares;
        if (supply == 0) {
            shares = assets;
        } else {
            uint256 value = loanBalance + _collateralValueUp(collateralBalance);
            if (value == 0) revert Errors.PoolHasNoValue(supply);
            shares = assets.mulDivDown(supply, value);
            if (shares == 0) revert Errors.DepositMintsNoShares(assets);
        }
        sharesOf[msg.sender] += shares;
        totalShares = supply + shares;
        loanBalance += assets;
        emit Deposit(msg.sender, assets, shares);
        loanToken.safeTransferFrom(msg.sender, address(this), assets);
    }

    /// @notice Burns `shares` of the caller's shares for their pro-rata part of both balances, rounded down.
    /// @dev Reads no oracle, so depositors can leave while it is stale. Burning every share pays out both
    ///      balances whole. Reverts AmountIsZero, WithdrawExceedsShares.
    /// @return assets Loan-token units paid.
    /// @return collateral Collateral-token units paid.
    function withdraw(uint256 shares) external nonReentrant returns (uint256 assets, uint256 collateral) {
        if (shares == 0) revert Errors.AmountIsZero();
        uint256 held = sharesOf[msg.sender];
        if (shares > held) revert Errors.WithdrawExceedsShares(held, shares);
        uint256 supply = totalShares;
        assets = shares.mulDivDown(loanBalance, supply);
        collateral = shares.mulDivDown(collateralBalance, supply);
        sharesOf[msg.sender] = held - shares;
        totalShares = supply - shares;
        loanBalance -= assets;
        collateralBalance -= collateral;
        emit Withdraw(msg.sender, shares, assets, collateral);
        if (assets != 0) loanToken.safeTransfer(msg.sender, assets);
        if (collateral != 0) collateralToken.safeTransfer(msg.sender, collateral);
    }

    // ---------------------------------------------------------------- liquidation

    /// @notice Absorbs `borrower`'s liquidatable position: takes it whole from the market, repays all its
    ///         debt from the pool's loan balance and keeps its collateral, less `callerShare` of it (rounded
    ///         down) sent to the caller. Anyone may call.
    /// @dev The debt checked is the one `transferPosition` returns (interest may have grown it since
    ///      `takesLiquidation` answered). The pool holds no market debt afterwards. Reverts PoolCannotCover
    ///      and the market's errors (PositionHasNoDebt, PositionNotLiquidatable, LiquidationsPaused, the
    ///      oracle errors, CallerIsNotLiquidationModule while the pool is not the market's module).
    /// @return debt Loan-token units repaid (the position's whole debt).
    /// @return collateral Collateral-token units taken (the position's whole collateral, caller reward included).
    function absorb(address borrower) external nonReentrant returns (uint256 debt, uint256 collateral) {
        uint256 shares;
        (debt, shares, collateral) = market.transferPosition(borrower);
        uint256 balance = loanBalance;
        if (debt > balance) revert Errors.PoolCannotCover(balance, debt);
        // Same block and totals as the transfer: the shares' value rounded up is `debt` exactly.
        debt = market.repayShares(shares);
        uint256 reward = collateral.wMulDown(callerShare);
        loanBalance = balance - debt;
        collateralBalance += collateral - reward;
        emit Absorb(borrower, msg.sender, debt, collateral, reward);
        if (reward != 0) collateralToken.safeTransfer(msg.sender, reward);
    }

    /// @inheritdoc ILiquidationModule
    /// @dev True iff the pool's loan balance covers `debt` (loan-token units); `borrower` and `collateral`
    ///      are not used: the pool takes underwater positions too.
    function takesLiquidation(address, uint256 debt, uint256) external view returns (bool) {
        return loanBalance >= debt;
    }

    // ---------------------------------------------------------------- internal

    /// @dev Loan value of `amount` collateral at a fresh answer of the market's oracle, rounded up;
    ///      0 without reading the oracle when `amount` is 0.
    function _collateralValueUp(uint256 amount) internal view returns (uint256) {
        if (amount == 0) return 0;
        AggregatorV3Interface oracle = market.oracle();
        (, int256 answer,, uint256 updatedAt,) = oracle.latestRoundData();
        if (answer <= 0) revert Errors.OracleAnswerNonPositive(answer);
        if (uint256(answer) > MAX_ORACLE_ANSWER) revert Errors.OracleAnswerTooLarge(answer);
        uint256 maxAge = market.maxOracleAge();
        if (updatedAt > block.timestamp || block.timestamp - updatedAt > maxAge) {
            revert Errors.OracleAnswerStale(updatedAt, maxAge);
        }
        uint256 priceUnit = 10 ** uint256(oracle.decimals());
        return amount.mulDivUp(uint256(answer) * loanUnit, collateralUnit * priceUnit);
    }
}
