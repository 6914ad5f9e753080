// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {IERC20Metadata} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Metadata.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {AggregatorV3Interface} from "../interfaces/AggregatorV3Interface.sol";
import {Errors} from "../libraries/Errors.sol";
import {WAD, MathLib} from "../libraries/MathLib.sol";
import {IMarginModel, MarginParams} from "../margin/IMarginModel.sol";
import {ILendingMarket} from "./ILendingMarket.sol";
import {ILiquidationModule} from "./ILiquidationModule.sol";
import {IMarketGuard} from "./IMarketGuard.sol";
import {LiquidationLib, LiquidationResult, PriceScale} from "./libraries/LiquidationLib.sol";
import {RateLib, RateParams} from "./libraries/RateLib.sol";
import {SharesMathLib} from "./libraries/SharesMathLib.sol";

/// @title LendingMarket
/// @notice Isolated lending market; see ILendingMarket. Math, shares, rates and liquidation sizing
///         live in libraries; this contract holds state, checks and transfers.
contract LendingMarket is ILendingMarket, Ownable, ReentrancyGuardTransient {
    using MathLib for uint256;
    using SharesMathLib for uint256;
    using SafeERC20 for IERC20Metadata;

    /// @dev The fixed-point paths multiply the answer by units up to 1e36; larger answers are refused.
    uint256 internal constant MAX_ORACLE_ANSWER = 1e36;

    struct Position {
        uint256 supplyShares;
        uint256 borrowShares;
        uint256 collateral;
    }

    IERC20Metadata public immutable collateralToken;
    IERC20Metadata public immutable loanToken;
    uint256 internal immutable collateralUnit;
    uint256 internal immutable loanUnit;

    AggregatorV3Interface public oracle;
    uint256 internal priceUnit;
    IMarginModel public marginModel;
    uint256 public maxOracleAge;
    uint256 public insuranceShare;
    /// @notice Whether the insurance fund pays bad debt before lenders do (setInsuranceCoversBadDebt).
    bool public insuranceCoversBadDebt = true;
    uint256 public dustThreshold;
    RateParams public rateParams;
    /// @notice Asked before every liquidation and borrow; address(0) = no guard.
    IMarketGuard public guard;
    /// @notice Takes liquidatable positions instead of `liquidate` (an auction house, a backstop pool); address(0) = none.
    ILiquidationModule public liquidationModule;

    uint256 public totalSupplyAssets;
    uint256 public totalSupplyShares;
    uint256 public totalBorrowAssets;
    uint256 public totalBorrowShares;
    uint256 public totalCollateral;
    uint256 public insuranceFund;
    uint256 public totalBadDebt;
    uint256 public totalSocializedLoss;
    uint256 public lastUpdate;

    mapping(address account => Position) public positions;
    address[] public borrowers;
    mapping(address account => bool) public isListedBorrower;

    /// @param collateralToken_ Collateral token (any ERC20 exposing decimals()).
    /// @param loanToken_ Loan token lenders supply and borrowers borrow.
    /// @param oracle_ AggregatorV3-compatible feed of loan per collateral (decimals <= 18).
    /// @param marginModel_ Margin design answering LTV, threshold, close factor and bonus.
    /// @param maxOracleAge_ Seconds an answer stays acceptable (> 0).
    /// @param insuranceShare_ Share of the liquidation penalty paid into the insurance fund (WAD, <= 1e18).
    /// @param dustThreshold_ Debt in loan-token units at or below which positions are liquidated whole.
    /// @param rateParams_ Kinked rate model (yearly WAD rates, kink in (0, 1e18)); ABI-encoded like four
    ///        flat uint256 (base, slope1, slope2, kink). The deployer becomes the owner (governance).
    constructor(
        IERC20Metadata collateralToken_,
        IERC20Metadata loanToken_,
        AggregatorV3Interface oracle_,
        IMarginModel marginModel_,
        uint256 maxOracleAge_,
        uint256 insuranceShare_,
        uint256 dustThreshold_,
        RateParams memory rateParams_
    ) Ownable(msg.sender) {
        if (address(collateralToken_) == address(0) || address(loanToken_) == address(0)) {
            revert Errors.AddressIsZero();
        }
        collateralToken = collateralToken_;
        loanToken = loanToken_;
        collateralUnit = 10 ** uint256(collateralToken_.decimals());
        loanUnit = 10 ** uint256(loanToken_.decimals());
        _setOracle(oracle_);
        _setMarginModel(marginModel_);
        _setMaxOracleAge(maxOracleAge_);
        _setInsuranceShare(insuranceShare_);
        _setDustThreshold(dustThreshold_);
        _setRateParams(rateParams_);
        lastUpdate = block.timestamp;
    }

    // ---------------------------------------------------------------- lenders

    /// @inheritdoc ILendingMarket
    function supply(uint256 assets) external nonReentrant returns (uint256 shares) {
        if (assets == 0) revert Errors.AmountIsZero();
        _accrueInterest();
        shares = assets.toSharesDown(totalSupplyAssets, totalSupplyShares);
        positions[msg.sender].supplyShares += shares;
        totalSupplyShares += shares;
        totalSupplyAssets += assets;
        emit Supply(msg.sender, assets, shares);
        loanToken.safeTransferFrom(msg.sender, address(this), assets);
    }

    /// @inheritdoc ILendingMarket
    function withdraw(uint256 assets) external nonReentrant returns (uint256 shares) {
        if (assets == 0) revert Errors.AmountIsZero();
        _accrueInterest();
        shares = assets.toSharesUp(totalSupplyAssets, totalSupplyShares);
        Position storage p = positions[msg.sender];
        if (shares > p.supplyShares) {
            revert Errors.WithdrawExceedsSupplyBalance(
                p.supplyShares.toAssetsDown(totalSupplyAssets, totalSupplyShares), assets
            );
        }
        uint256 available = totalSupplyAssets.zeroFloorSub(totalBorrowAssets);
        if (assets > available) revert Errors.InsufficientLiquidity(available, assets);
        p.supplyShares -= shares;
        totalSupplyShares -= shares;
        totalSupplyAssets -= assets;
        emit Withdraw(msg.sender, assets, shares);
        loanToken.safeTransfer(msg.sender, assets);
    }

    // ---------------------------------------------------------------- borrowers

    /// @inheritdoc ILendingMarket
    function depositCollateral(uint256 amount) external nonReentrant {
        if (amount == 0) revert Errors.AmountIsZero();
        _listBorrower(msg.sender);
        positions[msg.sender].collateral += amount;
        totalCollateral += amount;
        emit DepositCollateral(msg.sender, amount);
        collateralToken.safeTransferFrom(msg.sender, address(this), amount);
    }

    /// @inheritdoc ILendingMarket
    function withdrawCollateral(uint256 amount) external nonReentrant {
        if (amount == 0) revert Errors.AmountIsZero();
        _accrueInterest();
        Position storage p = positions[msg.sender];
        if (amount > p.collateral) revert Errors.WithdrawExceedsCollateral(p.collateral, amount);
        p.collateral -= amount;
        totalCollateral -= amount;
        if (p.borrowShares != 0) _requireWithinLtv(msg.sender, p);
        emit WithdrawCollateral(msg.sender, amount);
        collateralToken.safeTransfer(msg.sender, amount);
    }

    /// @inheritdoc ILendingMarket
    function borrow(uint256 assets) external nonReentrant returns (uint256 shares) {
        if (assets == 0) revert Errors.AmountIsZero();
        IMarketGuard g = guard;
        if (address(g) != address(0) && g.checkBorrow()) revert Errors.BorrowingPaused();
        _accrueInterest();
        uint256 available = totalSupplyAssets.zeroFloorSub(totalBorrowAssets);
        if (assets > available) revert Errors.InsufficientLiquidity(available, assets);
        _listBorrower(msg.sender);
        shares = assets.toSharesUp(totalBorrowAssets, totalBorrowShares);
        Position storage p = positions[msg.sender];
        p.borrowShares += shares;
        totalBorrowShares += shares;
        totalBorrowAssets += assets;
        _requireWithinLtv(msg.sender, p);
        emit Borrow(msg.sender, assets, shares);
        loanToken.safeTransfer(msg.sender, assets);
    }

    /// @inheritdoc ILendingMarket
    function repay(uint256 assets) external nonReentrant returns (uint256 repaid, uint256 shares) {
        if (assets == 0) revert Errors.AmountIsZero();
        _accrueInterest();
        Position storage p = positions[msg.sender];
        if (p.borrowShares == 0) revert Errors.PositionHasNoDebt();
        uint256 debt = p.borrowShares.toAssetsUp(totalBorrowAssets, totalBorrowShares);
        if (assets >= debt) {
            (repaid, shares) = (debt, p.borrowShares);
        } else {
            (repaid, shares) = (assets, assets.toSharesDown(totalBorrowAssets, totalBorrowShares));
        }
        p.borrowShares -= shares;
        totalBorrowShares -= shares;
        totalBorrowAssets = totalBorrowAssets.zeroFloorSub(repaid);
        emit Repay(msg.sender, repaid, shares);
        loanToken.safeTransferFrom(msg.sender, address(this), repaid);
    }

    // ---------------------------------------------------------------- liquidators

    /// @inheritdoc ILendingMarket
    function liquidate(address borrower, uint256 repayAmount)
        external
        nonReentrant
        returns (uint256 repaid, uint256 seized, uint256 badDebt)
    {
        if (borrower == msg.sender) revert Errors.SelfLiquidation();
        if (repayAmount == 0) revert Errors.AmountIsZero();
        IMarketGuard g = guard;
        if (address(g) != address(0) && g.checkLiquidation()) revert Errors.LiquidationsPaused();
        _accrueInterest();
        Position storage p = positions[borrower];
        if (p.borrowShares == 0) revert Errors.PositionHasNoDebt();

        PriceScale memory s = _freshPriceScale();
        MarginParams memory m = marginModel.params(borrower, p.collateral);
        uint256 debt = p.borrowShares.toAssetsUp(totalBorrowAssets, totalBorrowShares);
        uint256 hf = LiquidationLib.healthFactorDown(p.collateral, debt, m.liquidationThreshold, s);
        if (hf >= WAD) revert Errors.PositionNotLiquidatable(hf);
        _requireNotRoutedToModule(borrower, debt, p.collateral);

        LiquidationResult memory r = LiquidationLib.compute(p.collateral, debt, repayAmount, m, dustThreshold, s);
        (repaid, seized, badDebt) = (r.repaid, r.seized, r.badDebt);

        uint256 sharesBurned = repaid + badDebt == debt
            ? p.borrowShares
            : repaid.toSharesDown(totalBorrowAssets, totalBorrowShares);
        p.borrowShares -= sharesBurned;
        totalBorrowShares -= sharesBurned;
        totalBorrowAssets = totalBorrowAssets.zeroFloorSub(repaid);
        if (p.borrowShares != 0) {
            // Shares burn rounded down, so the debt may fall by a wei less than `repaid`: seize for the
            // actual fall, so share rounding never costs the borrower health.
            uint256 debtAfter = p.borrowShares.toAssetsUp(totalBorrowAssets, totalBorrowShares);
            uint256 fall = debt.zeroFloorSub(debtAfter);
            seized = MathLib.min(seized, LiquidationLib.seizedForDown(fall, m.liquidationBonus, s));
        }
        p.collateral -= seized;
        totalCollateral -= seized;

        uint256 fee = repaid.wMulUp(m.liquidationBonus).wMulUp(insuranceShare);
        emit Liquidate(borrower, msg.sender, repaid, seized, badDebt);
        if (fee != 0) {
            insuranceFund += fee;
            emit InsuranceFunded(msg.sender, fee, insuranceFund);
        }
        if (badDebt != 0) _realizeBadDebt(borrower, badDebt, r.collateralShortfall);

        loanToken.safeTransferFrom(msg.sender, address(this), repaid + fee);
        if (seized != 0) collateralToken.safeTransfer(msg.sender, seized);
    }

    /// @inheritdoc ILendingMarket
    function repayShares(uint256 shares) external nonReentrant returns (uint256 assets) {
        if (shares == 0) revert Errors.AmountIsZero();
        _accrueInterest();
        Position storage p = positions[msg.sender];
        if (p.borrowShares == 0) revert Errors.PositionHasNoDebt();
        if (shares > p.borrowShares) revert Errors.RepayExceedsDebtShares(p.borrowShares, shares);
        assets = shares.toAssetsUp(totalBorrowAssets, totalBorrowShares);
        p.borrowShares -= shares;
        totalBorrowShares -= shares;
        totalBorrowAssets = totalBorrowAssets.zeroFloorSub(assets);
        emit Repay(msg.sender, assets, shares);
        loanToken.safeTransferFrom(msg.sender, address(this), assets);
    }

    // ---------------------------------------------------------------- liquidation module

    /// @inheritdoc ILendingMarket
    function transferPosition(address borrower)
        external
        nonReentrant
        returns (uint256 debt, uint256 shares, uint256 collateral)
    {
        address module = _onlyLiquidationModule();
        IMarketGuard g = guard;
        if (address(g) != address(0) && g.checkLiquidation()) revert Errors.LiquidationsPaused();
        _accrueInterest();
        Position storage p = positions[borrower];
        if (p.borrowShares == 0) revert Errors.PositionHasNoDebt();
        collateral = p.collateral;
        debt = p.borrowShares.toAssetsUp(totalBorrowAssets, totalBorrowShares);
        uint256 threshold = marginModel.params(borrower, collateral).liquidationThreshold;
        uint256 hf = LiquidationLib.healthFactorDown(collateral, debt, threshold, _freshPriceScale());
        if (hf >= WAD) revert Errors.PositionNotLiquidatable(hf);

        shares = p.borrowShares;
        p.borrowShares = 0;
        p.collateral = 0;
        positions[module].borrowShares += shares;
        totalCollateral -= collateral;
        emit PositionTransferred(borrower, module, debt, shares, collateral);
        if (collateral != 0) collateralToken.safeTransfer(module, collateral);
    }

    /// @inheritdoc ILendingMarket
    function writeOff(address borrower, uint256 shares) external nonReentrant returns (uint256 badDebt) {
        address module = _onlyLiquidationModule();
        if (shares == 0) revert Errors.AmountIsZero();
        _accrueInterest();
        Position storage p = positions[module];
        if (shares > p.borrowShares) revert Errors.RepayExceedsDebtShares(p.borrowShares, shares);
        badDebt = shares.toAssetsUp(totalBorrowAssets, totalBorrowShares);
        p.borrowShares -= shares;
        totalBorrowShares -= shares;
        // The module sold the collateral and raised less than the debt: all of it is a collateral shortfall.
        _realizeBadDebt(borrower, badDebt, badDebt);
    }

    /// @inheritdoc ILendingMarket
    function accrueInterest() external nonReentrant {
        _accrueInterest();
    }

    /// @inheritdoc ILendingMarket
    function fundInsurance(uint256 amount) external nonReentrant {
        if (amount == 0) revert Errors.AmountIsZero();
        insuranceFund += amount;
        emit InsuranceFunded(msg.sender, amount, insuranceFund);
        loanToken.safeTransferFrom(msg.sender, address(this), amount);
    }

    // ---------------------------------------------------------------- governance

    /// @inheritdoc ILendingMarket
    function setOracle(AggregatorV3Interface newOracle) external onlyOwner {
        _setOracle(newOracle);
    }

    /// @inheritdoc ILendingMarket
    function setMarginModel(IMarginModel newMarginModel) external onlyOwner {
        _setMarginModel(newMarginModel);
    }

    /// @inheritdoc ILendingMarket
    function setMaxOracleAge(uint256 newMaxOracleAge) external onlyOwner {
        _setMaxOracleAge(newMaxOracleAge);
    }

    /// @inheritdoc ILendingMarket
    function setInsuranceShare(uint256 newInsuranceShare) external onlyOwner {
        _setInsuranceShare(newInsuranceShare);
    }

    /// @inheritdoc ILendingMarket
    function setDustThreshold(uint256 newDustThreshold) external onlyOwner {
        _setDustThreshold(newDustThreshold);
    }

    /// @inheritdoc ILendingMarket
    function setInsuranceCoversBadDebt(bool covers) external onlyOwner {
        insuranceCoversBadDebt = covers;
        emit InsuranceCoversBadDebtSet(covers);
    }

    /// @inheritdoc ILendingMarket
    function setGuard(IMarketGuard newGuard) external onlyOwner {
        guard = newGuard;
        emit GuardSet(address(newGuard));
    }

    /// @inheritdoc ILendingMarket
    function setLiquidationModule(ILiquidationModule newModule) external onlyOwner {
        ILiquidationModule old = liquidationModule;
        // A module still owing the market could no longer settle or write off what it holds.
        if (address(old) != address(0) && positions[address(old)].borrowShares != 0) {
            revert Errors.LiquidationModuleHoldsDebt(positions[address(old)].borrowShares);
        }
        liquidationModule = newModule;
        emit LiquidationModuleSet(address(newModule));
    }

    /// @inheritdoc ILendingMarket
    function setRateParams(RateParams calldata newRateParams) external onlyOwner {
        _accrueInterest();
        _setRateParams(newRateParams);
    }

    // ---------------------------------------------------------------- views

    /// @inheritdoc ILendingMarket
    function borrowerCount() external view returns (uint256) {
        return borrowers.length;
    }

    /// @inheritdoc ILendingMarket
    function expectedTotals()
        public
        view
        returns (uint256 supplyAssets, uint256 supplyShares, uint256 borrowAssets, uint256 borrowShares)
    {
        (uint256 interest,) = _pendingInterest();
        return (totalSupplyAssets + interest, totalSupplyShares, totalBorrowAssets + interest, totalBorrowShares);
    }

    /// @inheritdoc ILendingMarket
    function debtOf(address account) public view returns (uint256) {
        (,, uint256 borrowAssets, uint256 borrowShares) = expectedTotals();
        return positions[account].borrowShares.toAssetsUp(borrowAssets, borrowShares);
    }

    /// @inheritdoc ILendingMarket
    function supplyBalanceOf(address account) external view returns (uint256) {
        (uint256 supplyAssets, uint256 supplyShares,,) = expectedTotals();
        return positions[account].supplyShares.toAssetsDown(supplyAssets, supplyShares);
    }

    /// @inheritdoc ILendingMarket
    function marginParamsOf(address account) external view returns (MarginParams memory) {
        return marginModel.params(account, positions[account].collateral);
    }

    /// @inheritdoc ILendingMarket
    function healthFactor(address account) external view returns (uint256) {
        uint256 debt = debtOf(account);
        if (debt == 0) return type(uint256).max;
        (int256 answer,) = oracleAnswer();
        if (answer <= 0 || uint256(answer) > MAX_ORACLE_ANSWER) return 0;
        uint256 collateral = positions[account].collateral;
        uint256 threshold = marginModel.params(account, collateral).liquidationThreshold;
        return LiquidationLib.healthFactorDown(collateral, debt, threshold, _scale(uint256(answer)));
    }

    /// @inheritdoc ILendingMarket
    function oracleAnswer() public view returns (int256 answer, uint256 updatedAt) {
        (, answer,, updatedAt,) = oracle.latestRoundData();
    }

    /// @inheritdoc ILendingMarket
    function borrowRatePerSecond() external view returns (uint256) {
        (uint256 supplyAssets,, uint256 borrowAssets,) = expectedTotals();
        return RateLib.borrowRatePerSecond(rateParams, RateLib.utilization(borrowAssets, supplyAssets));
    }

    /// @inheritdoc ILendingMarket
    function availableLiquidity() external view returns (uint256) {
        (uint256 supplyAssets,, uint256 borrowAssets,) = expectedTotals();
        return supplyAssets.zeroFloorSub(borrowAssets);
    }

    // ---------------------------------------------------------------- internal

    function _accrueInterest() internal {
        if (block.timestamp == lastUpdate) return;
        (uint256 interest, uint256 rate) = _pendingInterest();
        lastUpdate = block.timestamp;
        if (interest == 0) return;
        totalBorrowAssets += interest;
        totalSupplyAssets += interest;
        emit InterestAccrued(interest, rate, totalBorrowAssets, totalSupplyAssets);
    }

    /// @dev Linear interest since lastUpdate, rounded down (lenders and borrowers move together).
    function _pendingInterest() internal view returns (uint256 interest, uint256 rate) {
        rate = RateLib.borrowRatePerSecond(rateParams, RateLib.utilization(totalBorrowAssets, totalSupplyAssets));
        interest = totalBorrowAssets.wMulDown(rate * (block.timestamp - lastUpdate));
    }

    /// @dev Bad debt leaves the books: the insurance fund pays first (unless the loss order says lenders
    ///      alone), lenders' supply absorbs the rest.
    function _realizeBadDebt(address borrower, uint256 badDebt, uint256 collateralShortfall) internal {
        totalBorrowAssets = totalBorrowAssets.zeroFloorSub(badDebt);
        uint256 covered = insuranceCoversBadDebt ? MathLib.min(badDebt, insuranceFund) : 0;
        uint256 socialized = badDebt - covered;
        insuranceFund -= covered;
        totalSupplyAssets = totalSupplyAssets.zeroFloorSub(socialized);
        totalBadDebt += badDebt;
        totalSocializedLoss += socialized;
        emit BadDebtRealized(borrower, badDebt, covered, socialized, collateralShortfall);
    }

    /// @dev The module's own account holds the debt of the positions it took, with no collateral: never
    ///      liquidatable directly; a position the module takes now is not either.
    function _requireNotRoutedToModule(address borrower, uint256 debt, uint256 collateral) internal view {
        ILiquidationModule module = liquidationModule;
        if (address(module) == address(0)) return;
        if (borrower == address(module) || module.takesLiquidation(borrower, debt, collateral)) {
            revert Errors.LiquidationRoutedToModule(address(module));
        }
    }

    function _onlyLiquidationModule() internal view returns (address module) {
        module = address(liquidationModule);
        if (module == address(0) || msg.sender != module) revert Errors.CallerIsNotLiquidationModule(msg.sender);
    }

    function _requireWithinLtv(address account, Position storage p) internal view {
        PriceScale memory s = _freshPriceScale();
        uint256 ltv = marginModel.params(account, p.collateral).initialLtv;
        uint256 debt = p.borrowShares.toAssetsUp(totalBorrowAssets, totalBorrowShares);
        uint256 maxDebt = LiquidationLib.maxDebtDown(p.collateral, ltv, s);
        if (debt > maxDebt) revert Errors.DebtExceedsMaxLtv(debt, maxDebt);
    }

    /// @dev Oracle answer checked for sign, range and age.
    function _freshPriceScale() internal view returns (PriceScale memory) {
        (int256 answer, uint256 updatedAt) = oracleAnswer();
        if (answer <= 0) revert Errors.OracleAnswerNonPositive(answer);
        if (uint256(answer) > MAX_ORACLE_ANSWER) revert Errors.OracleAnswerTooLarge(answer);
        if (updatedAt > block.timestamp || block.timestamp - updatedAt > maxOracleAge) {
            revert Errors.OracleAnswerStale(updatedAt, maxOracleAge);
        }
        return _scale(uint256(answer));
    }

    function _scale(uint256 price) internal view returns (PriceScale memory) {
        return PriceScale(price, collateralUnit, loanUnit, priceUnit);
    }

    function _listBorrower(address account) internal {
        if (isListedBorrower[account]) return;
        isListedBorrower[account] = true;
        borrowers.push(account);
        emit BorrowerListed(account, borrowers.length - 1);
    }

    function _setOracle(AggregatorV3Interface newOracle) internal {
        if (address(newOracle) == address(0)) revert Errors.AddressIsZero();
        uint8 d = newOracle.decimals();
        if (d > 18) revert Errors.OracleDecimalsTooLarge(d);
        oracle = newOracle;
        priceUnit = 10 ** uint256(d);
        emit OracleSet(address(newOracle));
    }

    function _setMarginModel(IMarginModel newMarginModel) internal {
        if (address(newMarginModel) == address(0)) revert Errors.AddressIsZero();
        marginModel = newMarginModel;
        emit MarginModelSet(address(newMarginModel));
    }

    function _setMaxOracleAge(uint256 newMaxOracleAge) internal {
        if (newMaxOracleAge == 0) revert Errors.MaxOracleAgeIsZero();
        maxOracleAge = newMaxOracleAge;
        emit MaxOracleAgeSet(newMaxOracleAge);
    }

    function _setInsuranceShare(uint256 newInsuranceShare) internal {
        if (newInsuranceShare > WAD) revert Errors.ShareAboveOne(newInsuranceShare);
        insuranceShare = newInsuranceShare;
        emit InsuranceShareSet(newInsuranceShare);
    }

    function _setDustThreshold(uint256 newDustThreshold) internal {
        dustThreshold = newDustThreshold;
        emit DustThresholdSet(newDustThreshold);
    }

    function _setRateParams(RateParams memory p) internal {
        if (p.kink == 0 || p.kink >= WAD) revert Errors.KinkOutOfRange(p.kink);
        rateParams = p;
        emit RateParamsSet(p.baseRatePerYear, p.slope1PerYear, p.slope2PerYear, p.kink);
    }
}
