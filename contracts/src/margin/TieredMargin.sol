// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Errors} from "../libraries/Errors.sol";
import {WAD, MathLib} from "../libraries/MathLib.sol";
import {ILendingMarket} from "../lending/ILendingMarket.sol";
import {IMarginModel, MarginParams} from "./IMarginModel.sol";
import {MarginParamsLib} from "./MarginParamsLib.sol";

/// @notice Below `healthBelow` (WAD), a liquidation may repay `closeFactor` of the debt at `bonus` (both WAD).
struct HealthBand {
    uint256 healthBelow;
    uint256 closeFactor;
    uint256 bonus;
}

/// @title TieredMargin
/// @notice Fixed thresholds with the close factor and bonus set by the position's health-factor band: a
///         position just below 1 may be liquidated a little at a time, a deeply unhealthy one at once.
///         Aave v3's rule is one preset: close factor 50% down to health 0.95, 100% below it (one band
///         { 0.95, 1, bonus }). Bands are ordered by falling `healthBelow`; the lowest band whose
///         `healthBelow` is above the position's health factor applies, else the base close factor and bonus.
/// @dev The health factor is the market's (collateral x oracle answer x threshold / debt, at the
///      collateral the market passes), read from the market this model is bound to once after both are
///      deployed (`bind`, by the deployer). Before it is bound, or for a position without debt or
///      without a positive answer, the base parameters apply.
contract TieredMargin is IMarginModel {
    using MathLib for uint256;

    uint256 public constant MAX_BANDS = 4;

    uint256 public immutable initialLtv;
    uint256 public immutable liquidationThreshold;
    uint256 public immutable closeFactor;
    uint256 public immutable liquidationBonus;
    address internal immutable deployer;

    ILendingMarket public market;
    HealthBand[] internal _bands;

    /// @param base The base parameters (above every band), validated like FixedMargin's.
    /// @param bands_ At most 4 bands, `healthBelow` strictly falling within (0, 1]; each band's close
    ///        factor and bonus must pass IMarginModel's rules with the base thresholds.
    constructor(MarginParams memory base, HealthBand[] memory bands_) {
        MarginParamsLib.validate(base);
        if (bands_.length > MAX_BANDS) revert Errors.HealthBandsInvalid(bands_.length);
        for (uint256 i; i < bands_.length; ++i) {
            HealthBand memory b = bands_[i];
            if (b.healthBelow == 0 || b.healthBelow > WAD || (i > 0 && b.healthBelow >= bands_[i - 1].healthBelow)) {
                revert Errors.HealthBandsInvalid(i);
            }
            MarginParamsLib.validate(MarginParams(base.initialLtv, base.liquidationThreshold, b.closeFactor, b.bonus));
            _bands.push(b);
        }
        (initialLtv, liquidationThreshold, closeFactor, liquidationBonus) =
            (base.initialLtv, base.liquidationThreshold, base.closeFactor, base.liquidationBonus);
        deployer = msg.sender;
    }

    /// @notice Binds the model to the market that uses it; once, by the deployer.
    function bind(ILendingMarket market_) external {
        if (msg.sender != deployer || address(market) != address(0)) revert Errors.MarginModelBindRefused();
        if (address(market_) == address(0)) revert Errors.AddressIsZero();
        market = market_;
    }

    /// @notice The bands, highest first.
    function bands() external view returns (HealthBand[] memory) {
        return _bands;
    }

    /// @inheritdoc IMarginModel
    function params(address borrower, uint256 positionCollateral) external view returns (MarginParams memory p) {
        p = MarginParams(initialLtv, liquidationThreshold, closeFactor, liquidationBonus);
        uint256 n = _bands.length;
        if (n == 0 || address(market) == address(0)) return p;
        uint256 hf = _healthFactor(borrower, positionCollateral);
        for (uint256 i; i < n; ++i) {
            if (hf >= _bands[i].healthBelow) break;
            (p.closeFactor, p.liquidationBonus) = (_bands[i].closeFactor, _bands[i].bonus);
        }
    }

    /// @dev Rounded down as the market rounds it; type(uint256).max without debt or a positive answer.
    function _healthFactor(address borrower, uint256 collateral) internal view returns (uint256) {
        ILendingMarket m = market;
        uint256 debt = m.debtOf(borrower);
        (int256 answer,) = m.oracleAnswer();
        if (debt == 0 || answer <= 0) return type(uint256).max;
        uint256 collateralUnit = 10 ** uint256(m.collateralToken().decimals());
        uint256 loanUnit = 10 ** uint256(m.loanToken().decimals());
        uint256 priceUnit = 10 ** uint256(m.oracle().decimals());
        uint256 value = collateral.mulDivDown(uint256(answer) * loanUnit, collateralUnit * priceUnit);
        return value.wMulDown(liquidationThreshold).mulDivDown(WAD, debt);
    }
}
