// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20Metadata} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Metadata.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Errors} from "../libraries/Errors.sol";
import {WAD, MathLib} from "../libraries/MathLib.sol";
import {BlackScholesLib} from "./BlackScholesLib.sol";
import {IOptionVault, Position, PositionHealth, Series} from "./IOptionVault.sol";
import {OptionErrors} from "./OptionErrors.sol";
import {OptionVaultBase, OptionVaultConfig} from "./OptionVaultBase.sol";

/// @title OptionVault
/// @notice European cash-settled options with isolated short positions; see IOptionVault and docs/options.md.
contract OptionVault is OptionVaultBase {
    using MathLib for uint256;
    using SafeERC20 for IERC20Metadata;

    constructor(OptionVaultConfig memory c) OptionVaultBase(c) {}

    // ---------------------------------------------------------------- series

    /// @inheritdoc IOptionVault
    function createSeries(bool isCall, bool underlyingCollateral, uint256 strike, uint64 expiry)
        external
        returns (uint256 seriesId)
    {
        if (strike == 0) revert OptionErrors.StrikeIsZero();
        if (strike > MAX_PRICE) revert OptionErrors.StrikeAboveMax(strike, MAX_PRICE);
        if (underlyingCollateral && !isCall) revert OptionErrors.UnderlyingCollateralOnlyForCalls();
        if (msg.sender == owner()) {
            uint256 maxExpiry = block.timestamp + MAX_SERIES_LIFE;
            if (expiry <= block.timestamp || expiry > maxExpiry) {
                revert OptionErrors.ExpiryOutOfRange(expiry, block.timestamp + 1, maxExpiry);
            }
        } else {
            uint256 minExpiry = block.timestamp + MIN_PERMISSIONLESS_LIFE;
            uint256 maxExpiry = block.timestamp + MAX_PERMISSIONLESS_LIFE;
            if (expiry < minExpiry || expiry > maxExpiry) revert OptionErrors.ExpiryOutOfRange(expiry, minExpiry, maxExpiry);
            (uint256 spotPrice,) = _oracle(true);
            uint256 lo = spotPrice.wDivUp(strikeBand);
            uint256 hi = spotPrice.wMulDown(strikeBand);
            if (strike < lo || strike > hi) revert OptionErrors.StrikeOutOfBand(strike, lo, hi);
        }
        bytes32 key = keccak256(abi.encode(isCall, underlyingCollateral, strike, expiry));
        if (_seriesByKey[key] != 0) revert OptionErrors.SeriesAlreadyExists(_seriesByKey[key] - 1);
        seriesId = _series.length;
        _series.push(Series(strike, expiry, isCall, underlyingCollateral, false, 0, 0, 0, 0, 0, 0));
        _seriesByKey[key] = seriesId + 1;
        emit SeriesCreated(seriesId, msg.sender, isCall, underlyingCollateral, strike, expiry);
    }

    // ---------------------------------------------------------------- writers

    /// @inheritdoc IOptionVault
    function write(uint256 seriesId, uint256 amount, uint256 collateral) external {
        if (amount == 0) revert Errors.AmountIsZero();
        Series storage s = _liveSeries(seriesId);
        (uint256 spotPrice,) = _oracle(true);
        Position storage p = _positions[seriesId][msg.sender];
        if (!_hasPositionKey[seriesId][msg.sender]) {
            _hasPositionKey[seriesId][msg.sender] = true;
            _positionKeys.push(PositionKey(msg.sender, seriesId));
        }
        p.shortAmount += amount;
        p.collateral += collateral;
        s.openInterest += amount;
        longOf[seriesId][msg.sender] += amount;
        _checkInitialMargin(s, p, spotPrice);
        if (collateral != 0) _collateralToken(s).safeTransferFrom(msg.sender, address(this), collateral);
        emit OptionWritten(msg.sender, seriesId, amount, collateral);
    }

    /// @inheritdoc IOptionVault
    function depositCollateral(uint256 seriesId, uint256 amount) external {
        if (amount == 0) revert Errors.AmountIsZero();
        Series storage s = _seriesAt(seriesId);
        if (s.settled) revert OptionErrors.SeriesAlreadySettled(seriesId);
        _positions[seriesId][msg.sender].collateral += amount;
        _collateralToken(s).safeTransferFrom(msg.sender, address(this), amount);
        emit CollateralDeposited(msg.sender, seriesId, amount);
    }

    /// @inheritdoc IOptionVault
    function withdrawCollateral(uint256 seriesId, uint256 amount) external {
        if (amount == 0) revert Errors.AmountIsZero();
        Series storage s = _seriesAt(seriesId);
        Position storage p = _positions[seriesId][msg.sender];
        if (amount > p.collateral) revert OptionErrors.WithdrawExceedsCollateral(p.collateral, amount);
        p.collateral -= amount;
        if (p.shortAmount != 0) {
            if (block.timestamp >= s.expiry) revert OptionErrors.SeriesExpired(seriesId, s.expiry);
            (uint256 spotPrice,) = _oracle(true);
            _checkInitialMargin(s, p, spotPrice);
        }
        _collateralToken(s).safeTransfer(msg.sender, amount);
        emit CollateralWithdrawn(msg.sender, seriesId, amount);
    }

    /// @inheritdoc IOptionVault
    function closePosition(uint256 seriesId, uint256 amount) external {
        if (amount == 0) revert Errors.AmountIsZero();
        Series storage s = _seriesAt(seriesId);
        if (s.settled) revert OptionErrors.SeriesAlreadySettled(seriesId);
        Position storage p = _positions[seriesId][msg.sender];
        if (amount > p.shortAmount) revert OptionErrors.AmountExceedsShort(p.shortAmount, amount);
        _burnLong(seriesId, msg.sender, amount);
        p.shortAmount -= amount;
        s.openInterest -= amount;
        emit PositionClosed(msg.sender, seriesId, amount);
    }

    // ---------------------------------------------------------------- longs

    /// @inheritdoc IOptionVault
    function transferLong(uint256 seriesId, address to, uint256 amount) external {
        if (to == address(0)) revert Errors.AddressIsZero();
        _seriesAt(seriesId);
        _burnLong(seriesId, msg.sender, amount);
        longOf[seriesId][to] += amount;
        emit LongTransferred(seriesId, msg.sender, to, amount);
    }

    /// @inheritdoc IOptionVault
    function setOffer(uint256 seriesId, uint256 amount) external {
        _seriesAt(seriesId);
        offerOf[seriesId][msg.sender] = amount;
        emit OfferSet(msg.sender, seriesId, amount);
    }

    /// @inheritdoc IOptionVault
    function buy(uint256 seriesId, address seller, uint256 amount, uint256 maxPremium)
        external
        returns (uint256 premium)
    {
        if (amount == 0) revert Errors.AmountIsZero();
        Series storage s = _liveSeries(seriesId);
        uint256 offered = offerOf[seriesId][seller];
        if (amount > offered) revert OptionErrors.AmountExceedsOffer(offered, amount);
        (uint256 spotPrice,) = _oracle(true);
        (uint256 mark,) = _mark(s, spotPrice);
        premium = amount.wMulUp(mark).wMulUp(WAD + premiumSpread).mulDivUp(loanUnit, WAD);
        if (premium > maxPremium) revert OptionErrors.PremiumAboveLimit(premium, maxPremium);
        offerOf[seriesId][seller] = offered - amount;
        _burnLong(seriesId, seller, amount);
        longOf[seriesId][msg.sender] += amount;
        if (premium != 0) loanToken.safeTransferFrom(msg.sender, seller, premium);
        emit OptionBought(msg.sender, seller, seriesId, amount, premium);
        emit LongTransferred(seriesId, seller, msg.sender, amount);
    }

    // ---------------------------------------------------------------- liquidation

    /// @inheritdoc IOptionVault
    function liquidate(address writer, uint256 seriesId, uint256 amount)
        external
        returns (uint256 collateralSeized, uint256 shortfall)
    {
        if (amount == 0) revert Errors.AmountIsZero();
        if (writer == msg.sender) revert Errors.SelfLiquidation();
        Series storage s = _liveSeries(seriesId);
        (uint256 spotPrice,) = _oracle(true);
        Position storage p = _positions[seriesId][writer];
        {
            (, uint256 maintenance) = _margin(s, p.shortAmount, spotPrice);
            uint256 value = _valueDown(s, p.collateral, spotPrice);
            if (value >= maintenance) revert OptionErrors.PositionNotLiquidatable(value, maintenance);
        }
        if (amount > p.shortAmount) revert OptionErrors.AmountExceedsShort(p.shortAmount, amount);
        (uint256 mark,) = _mark(s, spotPrice);
        uint256 payPerOption = mark.wMulDown(WAD + liquidationPenalty);
        uint256 dueOnAll = _toUnits(s, p.shortAmount.wMulDown(payPerOption), spotPrice, false);
        if (p.collateral < dueOnAll) {
            // Insolvent at mark + penalty: close everything, seize everything, record the gap.
            if (amount != p.shortAmount) revert OptionErrors.InsolventPositionMustBeClosed(p.shortAmount, amount);
            collateralSeized = p.collateral;
            // Only the mark the collateral cannot cover is a loss; the penalty is the liquidator's reward,
            // and what of it goes unpaid is reported apart.
            shortfall = _toUnits(s, p.shortAmount.wMulUp(mark), spotPrice, true).zeroFloorSub(p.collateral);
            s.badDebt += shortfall;
            emit LiquidationPenaltyUnpaid(writer, seriesId, (dueOnAll - p.collateral).zeroFloorSub(shortfall));
        } else {
            collateralSeized = _toUnits(s, amount.wMulDown(payPerOption), spotPrice, false);
        }
        _burnLong(seriesId, msg.sender, amount);
        p.shortAmount -= amount;
        p.collateral -= collateralSeized;
        s.openInterest -= amount;
        if (p.shortAmount != 0) {
            (, uint256 maintenanceAfter) = _margin(s, p.shortAmount, spotPrice);
            uint256 valueAfter = _valueDown(s, p.collateral, spotPrice);
            if (valueAfter < maintenanceAfter) {
                revert OptionErrors.LiquidationLeavesPositionBelowMaintenance(valueAfter, maintenanceAfter);
            }
        }
        if (collateralSeized != 0) _collateralToken(s).safeTransfer(msg.sender, collateralSeized);
        emit OptionLiquidated(writer, msg.sender, seriesId, amount, collateralSeized, shortfall);
    }

    // ---------------------------------------------------------------- settlement

    /// @inheritdoc IOptionVault
    function settleSeries(uint256 seriesId, uint80 roundId) external {
        Series storage s = _seriesAt(seriesId);
        if (s.settled) revert OptionErrors.SeriesAlreadySettled(seriesId);
        if (block.timestamp < s.expiry) revert OptionErrors.SeriesNotExpired(seriesId, s.expiry);
        (, int256 answer,, uint256 updatedAt,) = feed.getRoundData(roundId);
        if (updatedAt < s.expiry) revert OptionErrors.OracleAnswerBeforeExpiry(updatedAt, s.expiry);
        if (roundId == 0) revert OptionErrors.SettlementRoundNotFirstAfterExpiry(roundId, 0, s.expiry);
        (,,, uint256 previousUpdatedAt,) = feed.getRoundData(roundId - 1);
        if (previousUpdatedAt >= s.expiry) {
            revert OptionErrors.SettlementRoundNotFirstAfterExpiry(roundId, previousUpdatedAt, s.expiry);
        }
        uint256 spotPrice = _checkedPrice(answer, true);
        s.settled = true;
        s.settlementPrice = spotPrice;
        s.unsettledShort = s.openInterest;
        emit SeriesSettled(seriesId, spotPrice, BlackScholesLib.intrinsicValue(spotPrice, s.strike, s.isCall));
        if (s.unsettledShort == 0) _fixRecoveryRate(s, seriesId);
    }

    /// @inheritdoc IOptionVault
    function settlePosition(address writer, uint256 seriesId) external {
        Series storage s = _settledSeries(seriesId);
        Position storage p = _positions[seriesId][writer];
        uint256 obligation = _payout(s, p.shortAmount, true);
        uint256 paid = obligation.min(p.collateral);
        uint256 shortfall = obligation - paid;
        uint256 refund = p.collateral - paid;
        uint256 shortAmount = p.shortAmount;
        s.pool += paid;
        s.badDebt += shortfall;
        s.unsettledShort -= shortAmount;
        p.shortAmount = 0;
        p.collateral = 0;
        if (refund != 0) _collateralToken(s).safeTransfer(writer, refund);
        emit PositionSettled(writer, seriesId, obligation, paid, shortfall, refund);
        if (shortAmount != 0 && s.unsettledShort == 0) _fixRecoveryRate(s, seriesId);
    }

    /// @inheritdoc IOptionVault
    function redeem(uint256 seriesId, uint256 amount) external returns (uint256 payout) {
        if (amount == 0) revert Errors.AmountIsZero();
        Series storage s = _settledSeries(seriesId);
        if (s.unsettledShort != 0) revert OptionErrors.WritersNotSettled(seriesId, s.unsettledShort);
        _burnLong(seriesId, msg.sender, amount);
        s.openInterest -= amount;
        payout = _payout(s, amount, false).wMulDown(s.recoveryRate);
        s.pool -= payout;
        if (payout != 0) _collateralToken(s).safeTransfer(msg.sender, payout);
        emit LongRedeemed(msg.sender, seriesId, amount, payout);
    }

    // ---------------------------------------------------------------- internal

    function _liveSeries(uint256 seriesId) internal view returns (Series storage s) {
        s = _seriesAt(seriesId);
        if (block.timestamp >= s.expiry) revert OptionErrors.SeriesExpired(seriesId, s.expiry);
    }

    function _settledSeries(uint256 seriesId) internal view returns (Series storage s) {
        s = _seriesAt(seriesId);
        if (!s.settled) revert OptionErrors.SeriesNotSettled(seriesId);
    }

    function _burnLong(uint256 seriesId, address holder, uint256 amount) internal {
        uint256 balance = longOf[seriesId][holder];
        if (amount > balance) revert OptionErrors.AmountExceedsLong(balance, amount);
        longOf[seriesId][holder] = balance - amount;
    }

    function _checkInitialMargin(Series storage s, Position storage p, uint256 spotPrice) internal view {
        (uint256 initialMargin,) = _margin(s, p.shortAmount, spotPrice);
        uint256 value = _valueDown(s, p.collateral, spotPrice);
        if (value < initialMargin) revert OptionErrors.CollateralBelowInitialMargin(value, initialMargin);
    }

    /// @dev Once every writer has paid in, the pool and the longs are final: one rate for all of them.
    ///      Rounded down, and each payout rounds down again, so the payouts never exceed the pool:
    ///      sum floor(I(a_i) x r) <= I(sum a_i) x r <= pool, I being superadditive (floors of linear maps).
    function _fixRecoveryRate(Series storage s, uint256 seriesId) internal {
        uint256 owed = _payout(s, s.openInterest, false);
        s.recoveryRate = owed <= s.pool ? WAD : s.pool.wDivDown(owed);
        emit RecoveryRateFixed(seriesId, s.pool, owed, s.recoveryRate);
    }

    /// @dev Intrinsic value of `amount` options at the settlement price, in payout-asset units.
    function _payout(Series storage s, uint256 amount, bool roundUp) internal view returns (uint256) {
        uint256 payoff = BlackScholesLib.intrinsicValue(s.settlementPrice, s.strike, s.isCall);
        uint256 value = roundUp ? amount.wMulUp(payoff) : amount.wMulDown(payoff);
        return _toUnits(s, value, s.settlementPrice, roundUp);
    }
}
