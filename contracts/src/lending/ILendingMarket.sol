// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20Metadata} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Metadata.sol";
import {AggregatorV3Interface} from "../interfaces/AggregatorV3Interface.sol";
import {IMarginModel, MarginParams} from "../margin/IMarginModel.sol";
import {ILiquidationModule} from "./ILiquidationModule.sol";
import {IMarketGuard} from "./IMarketGuard.sol";
import {RateParams} from "./libraries/RateLib.sol";

/// @title ILendingMarket
/// @notice Isolated lending market: one collateral token, one loan token, one oracle, one margin model.
///         Lenders supply the loan token for shares; borrowers deposit collateral and borrow up to the
///         margin model's initial LTV; positions below health factor 1 are liquidatable.
/// @dev Health factor = collateral value x liquidation threshold / debt (WAD). Collateral is valued at
///      the oracle answer (loan per collateral, `oracle.decimals()` decimals), which must be positive and
///      at most `maxOracleAge` old for borrow, collateral withdrawal with debt, and liquidation
///      (supply, deposit and repay never read the oracle, so positions can be rescued while it is stale).
///      Every state-changing call first accrues interest. Rounding favours the protocol everywhere.
///      msg.sender is always the account acted for; there is no on-behalf-of.
interface ILendingMarket {
    // ---------------------------------------------------------------- events

    event Supply(address indexed lender, uint256 assets, uint256 shares);
    event Withdraw(address indexed lender, uint256 assets, uint256 shares);
    event DepositCollateral(address indexed borrower, uint256 amount);
    event WithdrawCollateral(address indexed borrower, uint256 amount);
    event Borrow(address indexed borrower, uint256 assets, uint256 shares);
    event Repay(address indexed borrower, uint256 assets, uint256 shares);
    /// @notice One liquidation: `repaid` loan asset removed from the debt, `seized` collateral sent to the
    ///         liquidator, `badDebt` debt left without collateral (then BadDebtRealized follows).
    event Liquidate(address indexed borrower, address indexed liquidator, uint256 repaid, uint256 seized, uint256 badDebt);
    /// @notice The liquidator's insurance fee (share of the penalty, in loan asset) joined the fund.
    event InsuranceFunded(address indexed liquidator, uint256 amount, uint256 insuranceFund);
    /// @notice Bad debt written off: `coveredByInsurance` from the fund, `socialized` taken from lenders.
    ///         `collateralShortfall` is the part the collateral was worth less than the debt at the oracle
    ///         price; the rest of `badDebt` is the liquidator's bonus on a position that was still solvent.
    event BadDebtRealized(
        address indexed borrower, uint256 badDebt, uint256 coveredByInsurance, uint256 socialized, uint256 collateralShortfall
    );
    event InterestAccrued(uint256 interest, uint256 borrowRatePerSecond, uint256 totalBorrowAssets, uint256 totalSupplyAssets);
    /// @notice `borrower` was appended to the enumerable borrower list at `index`.
    event BorrowerListed(address indexed borrower, uint256 index);
    event OracleSet(address indexed oracle);
    event MarginModelSet(address indexed marginModel);
    event MaxOracleAgeSet(uint256 maxOracleAge);
    event InsuranceShareSet(uint256 insuranceShare);
    event InsuranceCoversBadDebtSet(bool covers);
    event DustThresholdSet(uint256 dustThreshold);
    event GuardSet(address indexed guard);
    event LiquidationModuleSet(address indexed module);
    /// @notice The liquidation module took `borrower`'s position whole: `debt` (in `shares` borrow shares)
    ///         moved onto the module's account and `collateral` to the module.
    event PositionTransferred(address indexed borrower, address indexed module, uint256 debt, uint256 shares, uint256 collateral);
    event RateParamsSet(uint256 baseRatePerYear, uint256 slope1PerYear, uint256 slope2PerYear, uint256 kink);

    // ---------------------------------------------------------------- lenders

    /// @notice Supplies `assets` loan tokens (caller must approve) for shares rounded down.
    function supply(uint256 assets) external returns (uint256 shares);

    /// @notice Withdraws `assets` loan tokens, burning shares rounded up.
    /// @dev Reverts WithdrawExceedsSupplyBalance or InsufficientLiquidity (borrowed cash is not withdrawable;
    ///      the insurance fund is not lenders' cash).
    function withdraw(uint256 assets) external returns (uint256 shares);

    // ---------------------------------------------------------------- borrowers

    /// @notice Deposits `amount` collateral tokens (caller must approve). Lists the caller as a borrower.
    function depositCollateral(uint256 amount) external;

    /// @notice Withdraws `amount` collateral; with debt, the position must stay within initial LTV
    ///         at a fresh oracle answer (DebtExceedsMaxLtv, OracleAnswerStale, OracleAnswerNonPositive).
    function withdrawCollateral(uint256 amount) external;

    /// @notice Borrows `assets` loan tokens against the caller's collateral; debt shares round up.
    /// @dev Reverts DebtExceedsMaxLtv, InsufficientLiquidity, OracleAnswerStale, OracleAnswerNonPositive.
    function borrow(uint256 assets) external returns (uint256 shares);

    /// @notice Repays up to `assets` of the caller's debt (capped at the debt; pass type(uint256).max
    ///         to repay all). Partial repayments burn shares rounded down.
    function repay(uint256 assets) external returns (uint256 repaid, uint256 shares);

    // ---------------------------------------------------------------- liquidators

    /// @notice Liquidates `borrower` (health factor < 1 at a fresh oracle answer), repaying at most
    ///         `repayAmount` and receiving repaid x (1 + bonus) worth of collateral at the oracle price.
    /// @dev The liquidator transfers repaid + insurance fee (repaid x bonus x insuranceShare, rounded up)
    ///      in loan tokens, so approve the loan token generously. The repayment is capped at
    ///      closeFactor x debt, except: a debt at or below the dust threshold (or one the cap would leave
    ///      below it) may be repaid whole, and a remainder in (0, dust) reverts LiquidationWouldLeaveDust, so
    ///      a liquidator never pays more than it asked: pass type(uint256).max to repay all the close factor
    ///      allows (the debt grows by interest between reading it and the transaction landing);
    ///      when the collateral cannot cover debt x (1 + bonus), the liquidation must take all collateral
    ///      (PartialLiquidationOfInsolventPosition otherwise) and the remaining debt is realized as bad debt:
    ///      covered by the insurance fund while it lasts, then socialized to lenders.
    ///      Reverts SelfLiquidation, PositionHasNoDebt, PositionNotLiquidatable, AmountIsZero and the oracle errors.
    ///      Front-running: racing liquidators of one position see the loser revert or take a smaller slice.
    function liquidate(address borrower, uint256 repayAmount)
        external
        returns (uint256 repaid, uint256 seized, uint256 badDebt);

    /// @notice Repays exactly `shares` of the caller's borrow shares, paying their value rounded up.
    /// @dev Lets an account clear its debt to the last share (a liquidation module settling one auction of
    ///      several). Reverts AmountIsZero, PositionHasNoDebt, and RepayExceedsDebtShares above its shares.
    function repayShares(uint256 shares) external returns (uint256 assets);

    // ---------------------------------------------------------------- liquidation module

    /// @notice The liquidation module takes `borrower`'s liquidatable position whole: its borrow shares move
    ///         onto the module's account (they keep accruing interest there, so lenders stay owed) and its
    ///         collateral is sent to the module. Module only.
    /// @dev Same checks as `liquidate`: the guard (LiquidationsPaused), a debt (PositionHasNoDebt) and a
    ///      health factor below 1 at a fresh oracle answer (PositionNotLiquidatable). Reverts
    ///      CallerIsNotLiquidationModule for any other caller.
    function transferPosition(address borrower) external returns (uint256 debt, uint256 shares, uint256 collateral);

    /// @notice Writes off `shares` of the module's borrow shares as bad debt of `borrower` (the position the
    ///         module took and could not raise enough for): the insurance fund pays first, lenders absorb the
    ///         rest pro rata. Module only.
    function writeOff(address borrower, uint256 shares) external returns (uint256 badDebt);

    /// @notice Accrues interest up to now. Anyone may call.
    function accrueInterest() external;

    /// @notice Adds `amount` of the loan asset to the insurance fund (a backstop's seed capital). Anyone may call.
    /// @dev The cash joins the market's balance but not lenders' supply: it cannot be borrowed or withdrawn,
    ///      only spent on bad debt. Emits InsuranceFunded with the sender in the `liquidator` slot.
    function fundInsurance(uint256 amount) external;

    // ---------------------------------------------------------------- governance (owner)

    function setOracle(AggregatorV3Interface newOracle) external;
    function setMarginModel(IMarginModel newMarginModel) external;
    function setMaxOracleAge(uint256 newMaxOracleAge) external;
    function setInsuranceShare(uint256 newInsuranceShare) external;
    function setDustThreshold(uint256 newDustThreshold) external;

    /// @notice The loss order: true (the default) = the insurance fund pays bad debt first, lenders' supply the
    ///         rest; false = lenders absorb all of it at once, pro rata (Morpho Blue's order), and the fund only
    ///         accumulates. Owner only.
    function setInsuranceCoversBadDebt(bool covers) external;

    /// @notice Sets the guard asked before every liquidation and borrow (a circuit breaker); address(0)
    ///         removes it. Owner only.
    function setGuard(IMarketGuard newGuard) external;

    /// @notice Sets the liquidation module (an auction house or a backstop pool) that takes liquidatable
    ///         positions, and refuses direct liquidations while it takes them; address(0) restores the
    ///         market's own liquidation. Owner only.
    function setLiquidationModule(ILiquidationModule newModule) external;
    function setRateParams(RateParams calldata newRateParams) external;

    // ---------------------------------------------------------------- views

    function collateralToken() external view returns (IERC20Metadata);
    function loanToken() external view returns (IERC20Metadata);
    function guard() external view returns (IMarketGuard);
    function liquidationModule() external view returns (ILiquidationModule);
    function oracle() external view returns (AggregatorV3Interface);
    function marginModel() external view returns (IMarginModel);
    /// @notice Max age in seconds of an oracle answer the market accepts.
    function maxOracleAge() external view returns (uint256);
    /// @notice Share (WAD) of the liquidation penalty paid into the insurance fund.
    function insuranceShare() external view returns (uint256);
    /// @notice Debt (loan-token units) at or below which a position is liquidated whole.
    function dustThreshold() external view returns (uint256);
    function rateParams() external view returns (uint256 baseRatePerYear, uint256 slope1PerYear, uint256 slope2PerYear, uint256 kink);

    /// @notice Stored totals (as of `lastUpdate`, without pending interest).
    function totalSupplyAssets() external view returns (uint256);
    function totalSupplyShares() external view returns (uint256);
    function totalBorrowAssets() external view returns (uint256);
    function totalBorrowShares() external view returns (uint256);
    function totalCollateral() external view returns (uint256);
    /// @notice Loan tokens held for bad debt; not lendable.
    function insuranceFund() external view returns (uint256);
    /// @notice Cumulative bad debt realized, and the part of it socialized to lenders.
    function totalBadDebt() external view returns (uint256);
    function totalSocializedLoss() external view returns (uint256);
    function lastUpdate() external view returns (uint256);

    /// @notice Raw position: supply shares, borrow shares, collateral.
    function positions(address account)
        external
        view
        returns (uint256 supplyShares, uint256 borrowShares, uint256 collateral);

    /// @notice Number of listed borrowers (append-only: an account is listed on its first deposit or borrow).
    function borrowerCount() external view returns (uint256);
    /// @notice Listed borrower at `index`.
    function borrowers(uint256 index) external view returns (address);

    /// @notice Totals with interest accrued to now (supplyAssets, supplyShares, borrowAssets, borrowShares).
    function expectedTotals()
        external
        view
        returns (uint256 supplyAssets, uint256 supplyShares, uint256 borrowAssets, uint256 borrowShares);
    /// @notice Debt of `account` with interest to now, rounded up.
    function debtOf(address account) external view returns (uint256);
    /// @notice Withdrawable claim of `account` with interest to now, rounded down.
    function supplyBalanceOf(address account) external view returns (uint256);
    /// @notice Margin parameters the model gives `account` at its current collateral.
    function marginParamsOf(address account) external view returns (MarginParams memory);
    /// @notice Health factor (WAD, rounded down) at the latest oracle answer, fresh or not; max without debt,
    ///         0 with debt when the answer is not positive.
    function healthFactor(address account) external view returns (uint256);
    /// @notice Latest oracle answer and its time, unchecked.
    function oracleAnswer() external view returns (int256 answer, uint256 updatedAt);
    /// @notice Current per-second borrow rate (WAD) at the expected utilization.
    function borrowRatePerSecond() external view returns (uint256);
    /// @notice Lendable cash: supply minus borrows, expected to now.
    function availableLiquidity() external view returns (uint256);
}
