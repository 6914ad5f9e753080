// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20Metadata} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Metadata.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {AggregatorV3Interface} from "../interfaces/AggregatorV3Interface.sol";
import {IUniswapV2PairMinimal} from "../interfaces/IUniswapV2PairMinimal.sol";
import {Errors} from "../libraries/Errors.sol";
import {WAD, MathLib} from "../libraries/MathLib.sol";
import {DynamicMarginLib} from "./DynamicMarginLib.sol";
import {IMarginModel, MarginParams} from "./IMarginModel.sol";
import {MarginParamsLib} from "./MarginParamsLib.sol";

/// @notice Constructor configuration of DynamicMargin; every ratio is WAD.
/// @dev ABI: a static tuple, encoded exactly like its fields listed flat in this order.
struct DynamicMarginConfig {
    address feed; // feed whose returns drive volatility (the market's oracle, usually)
    address pair; // Uniswap V2 pair for the depth haircut; address(0) disables it
    address collateralToken; // which side of `pair` is the collateral
    address keeper; // the only account that may poke
    uint256 minLiquidationThreshold; // floor of every threshold answered
    uint256 maxLiquidationThreshold; // threshold at zero volatility; also the ceiling
    uint256 volSensitivity; // threshold drop per unit of per-round sigma
    uint256 ltvGap; // initialLtv = threshold - ltvGap (floored at 0)
    uint256 closeFactor; // constant close factor
    uint256 minBonus; // bonus at zero volatility
    uint256 maxBonus; // bonus ceiling
    uint256 bonusVolSensitivity; // bonus rise per unit of per-round sigma
    uint256 ewmaDecay; // lambda: weight kept by the previous variance and depth at each new round
    uint256 maxReturnPerRound; // cap on one round's |return| before it enters the variance
    uint256 maxThresholdStepPerBlock; // max move of the global threshold in one block
    uint256 maxBonusStepPerBlock; // max move of the bonus in one block
    uint256 depthSensitivity; // threshold haircut per unit of price impact
    uint256 maxDepthHaircut; // haircut ceiling
}

/// @title DynamicMargin
/// @notice Volatility- and liquidity-aware margin. Formulas (WAD; r, sigma per oracle round):
///         - on each new feed round: r = min(|p_t - p_{t-1}| / p_{t-1}, maxReturnPerRound);
///           var_t = lambda * var_{t-1} + (1 - lambda) * r^2; sigma = sqrt(var)
///           depth_t = lambda * depth_{t-1} + (1 - lambda) * clamp(loanReserve, depth/2, 2 depth)
///         - targetThreshold = clamp(maxLT - volSensitivity * sigma, minLT, maxLT)
///           targetBonus = clamp(minBonus + bonusVolSensitivity * sigma, minBonus, maxBonus)
///         - in each block with a poke, the global threshold and the bonus take one step toward their
///           targets, of at most maxThresholdStepPerBlock and maxBonusStepPerBlock
///         - per position of loan value v (collateral at the last consumed answer):
///           impact = v / (depth + v), the average price impact of selling it into a constant-product
///           pool whose loan side is `depth`; haircut = min(maxDepthHaircut, depthSensitivity * impact)
///         - liquidationThreshold = clamp(LT_g - haircut, minLT, maxLT)
///         - initialLtv = max(liquidationThreshold - ltvGap, 0); closeFactor = constant
/// @dev Manipulation resistance, since a spot feed or a pair can be moved within one transaction:
///      - only `keeper` may poke, so nobody else picks the moment a reading is taken;
///      - one round adds at most (1 - lambda) * maxReturnPerRound^2 to the variance;
///      - one reading moves depth by at most (1 - lambda) of a doubling or halving;
///      - threshold and bonus move at most one step per block, however long since the last poke.
///      Depth is the pair's loan-asset reserve: forced sellers of collateral drain it, so the haircut
///      tightens as a crash consumes liquidity (the collateral reserve grows during a crash).
///      The constructor requires depthSensitivity <= minLT - ltvGap: then v * threshold(v) and
///      v * initialLtv(v) never fall as v grows, so adding collateral never lowers borrowing capacity
///      or health (d/dv [v (T - s v/(D+v))] = T - s (1 - D^2/(D+v)^2) >= T - s).
contract DynamicMargin is IMarginModel {
    using MathLib for uint256;

    /// @notice Emitted by every poke that consumed a round or moved a parameter.
    event Poked(
        uint80 indexed roundId,
        int256 answer,
        uint256 variance,
        uint256 depth,
        uint256 targetThreshold,
        uint256 globalThreshold,
        uint256 targetBonus,
        uint256 bonus
    );

    /// @notice Upper bound of maxReturnPerRound (1000 = 100,000%): keeps the squares far from overflow.
    uint256 public constant MAX_RETURN = 1000 * WAD;

    AggregatorV3Interface public immutable feed;
    IUniswapV2PairMinimal public immutable pair;
    bool public immutable collateralIsToken0;
    address public immutable keeper;
    uint256 public immutable minLiquidationThreshold;
    uint256 public immutable maxLiquidationThreshold;
    uint256 public immutable volSensitivity;
    uint256 public immutable ltvGap;
    uint256 public immutable closeFactor;
    uint256 public immutable minBonus;
    uint256 public immutable maxBonus;
    uint256 public immutable bonusVolSensitivity;
    uint256 public immutable ewmaDecay;
    uint256 public immutable maxReturnPerRound;
    uint256 public immutable maxThresholdStepPerBlock;
    uint256 public immutable maxBonusStepPerBlock;
    uint256 public immutable depthSensitivity;
    uint256 public immutable maxDepthHaircut;
    /// @dev loan value of c collateral = c * answer * loanUnit / (collateralUnit * priceUnit).
    uint256 internal immutable valueNumerator;
    uint256 internal immutable valueDenominator;

    /// @notice Last feed round consumed by poke.
    uint80 public lastRoundId;
    /// @notice Feed answer of `lastRoundId`.
    int256 public lastAnswer;
    /// @notice EWMA of squared per-round simple returns (WAD).
    uint256 public variance;
    /// @notice EWMA of the pair's loan-asset reserve (loan units); 0 without a pair.
    uint256 public depth;
    /// @notice Threshold the volatility asks for; the global threshold walks toward it.
    uint256 public targetThreshold;
    /// @notice Rate-limited global liquidation threshold, before the per-position haircut.
    uint256 public globalThreshold;
    /// @notice Bonus the volatility asks for; the bonus walks toward it.
    uint256 public targetBonus;
    /// @notice Rate-limited liquidation bonus every position gets.
    uint256 public bonus;
    /// @notice Block of the last step of threshold and bonus.
    uint256 public lastStepBlock;

    /// @dev Reverts with Errors.AddressIsZero / BoundsInverted / MarginThresholdInvalid /
    ///      BonusTooLargeForThreshold / CloseFactorOutOfRange / EwmaDecayOutOfRange /
    ///      ReturnCapOutOfRange / DepthSensitivityTooHigh / TokenNotInPair on a bad config.
    constructor(DynamicMarginConfig memory c) {
        if (c.feed == address(0) || c.collateralToken == address(0) || c.keeper == address(0)) {
            revert Errors.AddressIsZero();
        }
        _validate(c);
        (bool isToken0, address loanToken) = _sides(c.pair, c.collateralToken);
        feed = AggregatorV3Interface(c.feed);
        pair = IUniswapV2PairMinimal(c.pair);
        collateralIsToken0 = isToken0;
        keeper = c.keeper;
        minLiquidationThreshold = c.minLiquidationThreshold;
        maxLiquidationThreshold = c.maxLiquidationThreshold;
        volSensitivity = c.volSensitivity;
        ltvGap = c.ltvGap;
        closeFactor = c.closeFactor;
        minBonus = c.minBonus;
        maxBonus = c.maxBonus;
        bonusVolSensitivity = c.bonusVolSensitivity;
        ewmaDecay = c.ewmaDecay;
        maxReturnPerRound = c.maxReturnPerRound;
        maxThresholdStepPerBlock = c.maxThresholdStepPerBlock;
        maxBonusStepPerBlock = c.maxBonusStepPerBlock;
        depthSensitivity = c.depthSensitivity;
        maxDepthHaircut = c.maxDepthHaircut;
        if (loanToken != address(0)) {
            valueNumerator = 10 ** uint256(IERC20Metadata(loanToken).decimals());
            valueDenominator = 10
                ** (uint256(IERC20Metadata(c.collateralToken).decimals()) + AggregatorV3Interface(c.feed).decimals());
            depth = _loanReserveOf(IUniswapV2PairMinimal(c.pair), isToken0);
        }
        targetThreshold = c.maxLiquidationThreshold;
        globalThreshold = c.maxLiquidationThreshold;
        targetBonus = c.minBonus;
        bonus = c.minBonus;
        lastStepBlock = block.number;
    }

    /// @notice Consumes a new feed round (variance, depth, targets), then takes this block's one step
    ///         of threshold and bonus toward their targets. Keeper only; a second poke in a block moves nothing.
    /// @return newRound True when the feed had a round not seen before.
    function poke() external returns (bool newRound) {
        if (msg.sender != keeper) revert Errors.CallerIsNotKeeper(msg.sender);
        (uint80 roundId, int256 answer,,,) = feed.latestRoundData();
        newRound = roundId != lastRoundId && answer > 0;
        if (newRound) _consumeRound(roundId, answer);
        bool stepped = block.number > lastStepBlock;
        if (stepped) {
            lastStepBlock = block.number;
            globalThreshold = DynamicMarginLib.stepToward(globalThreshold, targetThreshold, maxThresholdStepPerBlock);
            bonus = DynamicMarginLib.stepToward(bonus, targetBonus, maxBonusStepPerBlock);
        }
        if (newRound || stepped) {
            emit Poked(roundId, answer, variance, depth, targetThreshold, globalThreshold, targetBonus, bonus);
        }
    }

    /// @notice Per-round volatility sigma = sqrt(variance), WAD.
    function sigma() public view returns (uint256) {
        return Math.sqrt(variance * WAD);
    }

    /// @notice Threshold haircut for a position of `positionCollateral`, WAD, rounded up.
    function depthHaircut(uint256 positionCollateral) public view returns (uint256) {
        uint256 d = depth;
        if (d == 0 || positionCollateral == 0 || lastAnswer <= 0) return 0;
        uint256 value = positionCollateral.mulDivUp(uint256(lastAnswer) * valueNumerator, valueDenominator);
        return MathLib.min(maxDepthHaircut, depthSensitivity.wMulUp(DynamicMarginLib.impactUp(value, d)));
    }

    /// @inheritdoc IMarginModel
    function params(address, uint256 positionCollateral) external view returns (MarginParams memory p) {
        p.liquidationThreshold = globalThreshold.zeroFloorSub(depthHaircut(positionCollateral)).clamp(
            minLiquidationThreshold, maxLiquidationThreshold
        );
        p.initialLtv = p.liquidationThreshold.zeroFloorSub(ltvGap);
        p.closeFactor = closeFactor;
        p.liquidationBonus = bonus;
    }

    function _consumeRound(uint80 roundId, int256 answer) internal {
        if (lastAnswer > 0) {
            variance = DynamicMarginLib.ewmaVariance(
                variance, uint256(lastAnswer), uint256(answer), maxReturnPerRound, ewmaDecay
            );
        }
        lastRoundId = roundId;
        lastAnswer = answer;
        if (valueDenominator != 0) {
            depth = DynamicMarginLib.ewmaDepth(depth, _loanReserveOf(pair, collateralIsToken0), ewmaDecay);
        }
        uint256 s = sigma();
        targetThreshold = maxLiquidationThreshold.zeroFloorSub(volSensitivity.wMulDown(s)).clamp(
            minLiquidationThreshold, maxLiquidationThreshold
        );
        targetBonus = (minBonus + bonusVolSensitivity.wMulDown(s)).clamp(minBonus, maxBonus);
    }

    function _loanReserveOf(IUniswapV2PairMinimal pair_, bool collateralIsToken0_) internal view returns (uint256) {
        (uint112 r0, uint112 r1,) = pair_.getReserves();
        return collateralIsToken0_ ? r1 : r0;
    }

    function _validate(DynamicMarginConfig memory c) internal pure {
        if (c.minLiquidationThreshold > c.maxLiquidationThreshold) {
            revert Errors.BoundsInverted(c.minLiquidationThreshold, c.maxLiquidationThreshold);
        }
        if (c.minBonus > c.maxBonus) revert Errors.BoundsInverted(c.minBonus, c.maxBonus);
        if (c.ewmaDecay >= WAD) revert Errors.EwmaDecayOutOfRange(c.ewmaDecay);
        if (c.maxReturnPerRound == 0 || c.maxReturnPerRound > MAX_RETURN) {
            revert Errors.ReturnCapOutOfRange(c.maxReturnPerRound);
        }
        MarginParamsLib.validate(
            MarginParams(
                c.maxLiquidationThreshold.zeroFloorSub(c.ltvGap), c.maxLiquidationThreshold, c.closeFactor, c.maxBonus
            )
        );
        if (c.minLiquidationThreshold == 0) revert Errors.MarginThresholdInvalid(0);
        uint256 maxSensitivity = c.minLiquidationThreshold.zeroFloorSub(c.ltvGap);
        if (c.depthSensitivity > maxSensitivity) {
            revert Errors.DepthSensitivityTooHigh(c.depthSensitivity, maxSensitivity);
        }
    }

    /// @dev Which side of the pair is the collateral, and the loan token (address(0) without a pair).
    function _sides(address pair_, address collateral) internal view returns (bool isToken0, address loanToken) {
        if (pair_ == address(0)) return (false, address(0));
        address t0 = IUniswapV2PairMinimal(pair_).token0();
        address t1 = IUniswapV2PairMinimal(pair_).token1();
        if (collateral != t0 && collateral != t1) revert Errors.TokenNotInPair(collateral);
        isToken0 = collateral == t0;
        loanToken = isToken0 ? t1 : t0;
    }
}
