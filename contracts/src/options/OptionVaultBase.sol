// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {IERC20Metadata} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Metadata.sol";
import {AggregatorV3Interface} from "../interfaces/AggregatorV3Interface.sol";
import {Errors} from "../libraries/Errors.sol";
import {WAD, MathLib} from "../libraries/MathLib.sol";
import {BlackScholesLib} from "./BlackScholesLib.sol";
import {IOptionMarginModel, OptionMarginInput} from "./IOptionMarginModel.sol";
import {IOptionVault, Position, PositionHealth, Series} from "./IOptionVault.sol";
import {IVolatilitySource} from "./IVolatilitySource.sol";
import {OptionErrors} from "./OptionErrors.sol";
import {OptionMarginLib} from "./OptionMarginLib.sol";

/// @notice Constructor configuration of OptionVault; ratios WAD.
/// @dev ABI: a static tuple, encoded like its fields listed flat in this order.
struct OptionVaultConfig {
    address loanToken; // settlement asset (e.g. USDC, 6 decimals)
    address underlyingToken; // the collateral asset options are written on (e.g. WETH, 18 decimals)
    address feed; // AggregatorV3 feed, loan per underlying, <= 18 decimals
    address volatilitySource; // IVolatilitySource
    address marginModel; // IOptionMarginModel
    address owner; // may create any live series
    uint256 maxOracleAge; // seconds an answer stays acceptable (> 0)
    uint256 liquidationPenalty; // liquidator receives mark x (1 + penalty), <= 0.5e18
    uint256 premiumSpread; // buyers pay mark x (1 + spread), <= 1e18
    uint256 strikeBand; // permissionless strikes within [spot / band, spot x band], in [1e18, 100e18]
}

/// @title OptionVaultBase
/// @notice Storage, oracle reads, valuation and the read-only views of the options vault.
abstract contract OptionVaultBase is IOptionVault, Ownable {
    using MathLib for uint256;

    struct PositionKey {
        address writer;
        uint256 seriesId;
    }

    uint256 internal constant YEAR = 365 days;
    uint256 public constant MIN_PERMISSIONLESS_LIFE = 1 hours;
    uint256 public constant MAX_PERMISSIONLESS_LIFE = 366 days;
    /// @notice Longest life of any series, the owner's included.
    /// @dev BlackScholesLib documents tau <= 100 years; beyond it its error bound is not established.
    uint256 public constant MAX_SERIES_LIFE = 100 * YEAR;
    /// @notice Largest oracle price (and strike) accepted, loan-asset WAD per unit of underlying.
    /// @dev BlackScholesLib documents spot and strike in (0, 1e36]; the lending market caps its answers
    ///      at the same 1e36.
    uint256 public constant MAX_PRICE = 1e36;

    IERC20Metadata public immutable loanToken;
    IERC20Metadata public immutable underlyingToken;
    AggregatorV3Interface public immutable feed;
    IVolatilitySource public immutable volatilitySource;
    IOptionMarginModel public immutable marginModel;
    uint256 public immutable maxOracleAge;
    uint256 public immutable liquidationPenalty;
    uint256 public immutable premiumSpread;
    uint256 public immutable strikeBand;
    uint256 internal immutable loanUnit;
    uint256 internal immutable underlyingUnit;
    uint256 internal immutable priceScale;

    Series[] internal _series;
    mapping(bytes32 key => uint256 idPlusOne) internal _seriesByKey;
    mapping(uint256 seriesId => mapping(address writer => Position)) internal _positions;
    /// @inheritdoc IOptionVault
    mapping(uint256 seriesId => mapping(address holder => uint256)) public longOf;
    /// @notice Longs `seller` offers to buyers in a series.
    mapping(uint256 seriesId => mapping(address seller => uint256)) public offerOf;
    PositionKey[] internal _positionKeys;
    mapping(uint256 seriesId => mapping(address writer => bool)) internal _hasPositionKey;

    /// @dev Reverts AddressIsZero, DecimalsAbove18, ParameterOutOfRange on a bad config.
    constructor(OptionVaultConfig memory c) Ownable(c.owner) {
        if (
            c.loanToken == address(0) || c.underlyingToken == address(0) || c.feed == address(0)
                || c.volatilitySource == address(0) || c.marginModel == address(0)
        ) revert Errors.AddressIsZero();
        OptionMarginLib.checkRange(c.maxOracleAge, 1, 30 days);
        OptionMarginLib.checkRange(c.liquidationPenalty, 0, 0.5e18);
        OptionMarginLib.checkRange(c.premiumSpread, 0, WAD);
        OptionMarginLib.checkRange(c.strikeBand, WAD, 100 * WAD);
        loanToken = IERC20Metadata(c.loanToken);
        underlyingToken = IERC20Metadata(c.underlyingToken);
        feed = AggregatorV3Interface(c.feed);
        volatilitySource = IVolatilitySource(c.volatilitySource);
        marginModel = IOptionMarginModel(c.marginModel);
        maxOracleAge = c.maxOracleAge;
        liquidationPenalty = c.liquidationPenalty;
        premiumSpread = c.premiumSpread;
        strikeBand = c.strikeBand;
        loanUnit = 10 ** _checkedDecimals(IERC20Metadata(c.loanToken).decimals());
        underlyingUnit = 10 ** _checkedDecimals(IERC20Metadata(c.underlyingToken).decimals());
        priceScale = 10 ** (18 - _checkedDecimals(AggregatorV3Interface(c.feed).decimals()));
    }

    // ---------------------------------------------------------------- views

    /// @inheritdoc IOptionVault
    function seriesCount() external view returns (uint256) {
        return _series.length;
    }

    /// @inheritdoc IOptionVault
    function getSeries(uint256 seriesId) external view returns (Series memory) {
        return _seriesAt(seriesId);
    }

    /// @inheritdoc IOptionVault
    function getPosition(address writer, uint256 seriesId) external view returns (Position memory) {
        return _positions[seriesId][writer];
    }

    /// @inheritdoc IOptionVault
    function positionCount() external view returns (uint256) {
        return _positionKeys.length;
    }

    /// @inheritdoc IOptionVault
    function positionKeyAt(uint256 index) external view returns (address writer, uint256 seriesId) {
        PositionKey storage k = _positionKeys[index];
        return (k.writer, k.seriesId);
    }

    /// @inheritdoc IOptionVault
    function markOf(uint256 seriesId) external view returns (uint256 mark, int256 delta) {
        (uint256 spotPrice,) = _oracle(false);
        return _mark(_seriesAt(seriesId), spotPrice);
    }

    /// @notice Spot price (loan-asset WAD per unit of underlying) and whether the answer is fresh.
    function spot() external view returns (uint256 price, bool fresh) {
        uint256 updatedAt;
        (price, updatedAt) = _oracle(false);
        fresh = _isFresh(updatedAt);
    }

    /// @inheritdoc IOptionVault
    function positionHealth(address writer, uint256 seriesId) public view returns (PositionHealth memory h) {
        Series storage s = _seriesAt(seriesId);
        Position storage p = _positions[seriesId][writer];
        (uint256 spotPrice, uint256 updatedAt) = _oracle(false);
        (uint256 mark,) = _mark(s, spotPrice);
        h.writer = writer;
        h.seriesId = seriesId;
        h.shortAmount = p.shortAmount;
        h.collateral = p.collateral;
        h.collateralValue = _valueDown(s, p.collateral, spotPrice);
        h.markValue = p.shortAmount.wMulUp(mark);
        (h.initialMargin, h.maintenanceMargin) = _margin(s, p.shortAmount, spotPrice);
        h.liquidatable = h.collateralValue < h.maintenanceMargin && block.timestamp < s.expiry && _isFresh(updatedAt);
        if (h.liquidatable) h.minLiquidationAmount = _minLiquidationAmount(s, h, mark, spotPrice);
    }

    // ---------------------------------------------------------------- internal: oracle and series

    function _seriesAt(uint256 seriesId) internal view returns (Series storage) {
        if (seriesId >= _series.length) revert OptionErrors.SeriesNotFound(seriesId);
        return _series[seriesId];
    }

    /// @dev Latest answer scaled to WAD. With `requireFresh`, reverts on a stale or future answer
    ///      (OracleAnswerStale), a non-positive one (OracleAnswerNonPositive) or one above MAX_PRICE
    ///      (OracleAnswerTooLarge); without it, views read an unusable answer as price 0.
    function _oracle(bool requireFresh) internal view returns (uint256 price, uint256 updatedAt) {
        int256 answer;
        (, answer,, updatedAt,) = feed.latestRoundData();
        if (requireFresh && !_isFresh(updatedAt)) revert Errors.OracleAnswerStale(updatedAt, maxOracleAge);
        price = _checkedPrice(answer, requireFresh);
    }

    /// @dev `answer` scaled to WAD; non-positive or above MAX_PRICE reverts if `strict`, else reads as 0.
    function _checkedPrice(int256 answer, bool strict) internal view returns (uint256) {
        if (answer <= 0) {
            if (strict) revert Errors.OracleAnswerNonPositive(answer);
            return 0;
        }
        if (uint256(answer) > MAX_PRICE / priceScale) {
            if (strict) revert Errors.OracleAnswerTooLarge(answer);
            return 0;
        }
        return uint256(answer) * priceScale;
    }

    function _isFresh(uint256 updatedAt) internal view returns (bool) {
        return updatedAt <= block.timestamp && block.timestamp - updatedAt <= maxOracleAge;
    }

    /// @dev Years to expiry, rounded up (more time never lowers a European option's value at r = 0).
    function _timeToExpiry(Series storage s) internal view returns (uint256) {
        if (block.timestamp >= s.expiry) return 0;
        return (s.expiry - block.timestamp).mulDivUp(WAD, YEAR);
    }

    function _mark(Series storage s, uint256 spotPrice) internal view returns (uint256 mark, int256 delta) {
        if (spotPrice == 0) return (s.isCall ? 0 : s.strike, 0);
        uint256 tau = _timeToExpiry(s);
        uint256 vol = tau == 0 ? 0 : volatilitySource.volatility();
        return BlackScholesLib.priceAndDelta(spotPrice, s.strike, vol, tau, s.isCall);
    }

    function _margin(Series storage s, uint256 shortAmount, uint256 spotPrice)
        internal
        view
        returns (uint256 initialMargin, uint256 maintenanceMargin)
    {
        if (shortAmount == 0 || spotPrice == 0) return (0, 0);
        return marginModel.marginRequirement(
            OptionMarginInput({
                isCall: s.isCall,
                underlyingCollateral: s.underlyingCollateral,
                strike: s.strike,
                spot: spotPrice,
                timeToExpiry: _timeToExpiry(s),
                volatility: volatilitySource.volatility(),
                amount: shortAmount
            })
        );
    }

    // ---------------------------------------------------------------- internal: units

    function _collateralToken(Series storage s) internal view returns (IERC20Metadata) {
        return s.underlyingCollateral ? underlyingToken : loanToken;
    }

    /// @dev Loan-asset WAD value of `units` of the series' collateral asset, rounded down.
    function _valueDown(Series storage s, uint256 units, uint256 spotPrice) internal view returns (uint256) {
        if (s.underlyingCollateral) return units.mulDivDown(spotPrice, underlyingUnit);
        return units.mulDivDown(WAD, loanUnit);
    }

    /// @dev Units of the series' collateral asset worth `value` (loan-asset WAD) at `price`.
    function _toUnits(Series storage s, uint256 value, uint256 price, bool roundUp) internal view returns (uint256) {
        if (s.underlyingCollateral) {
            return roundUp ? value.mulDivUp(underlyingUnit, price) : value.mulDivDown(underlyingUnit, price);
        }
        return roundUp ? value.mulDivUp(loanUnit, WAD) : value.mulDivDown(loanUnit, WAD);
    }

    /// @dev Smallest close leaving the position at or above maintenance, from the margin model's
    ///      linearity in amount; the slack covers the rounding of seized units (2 units' value). A bot
    ///      may pass it to liquidate(); it is the whole short when no partial close can restore margin.
    function _minLiquidationAmount(Series storage s, PositionHealth memory h, uint256 mark, uint256 spotPrice)
        internal
        view
        returns (uint256)
    {
        uint256 q = h.shortAmount;
        uint256 payPerOption = mark.wMulUp(WAD + liquidationPenalty);
        uint256 reqPerOption = h.maintenanceMargin.wDivUp(q);
        if (reqPerOption <= payPerOption) return q;
        if (h.collateral < _toUnits(s, q.wMulDown(payPerOption), spotPrice, false)) return q;
        uint256 unitValue = s.underlyingCollateral ? spotPrice.mulDivUp(1, underlyingUnit) : WAD / loanUnit;
        uint256 gap = h.maintenanceMargin - h.collateralValue + 2 * unitValue + 2;
        return gap.wDivUp(reqPerOption - payPerOption).min(q);
    }

    function _checkedDecimals(uint8 decimals) private pure returns (uint8) {
        if (decimals > 18) revert OptionErrors.DecimalsAbove18(decimals);
        return decimals;
    }
}
