// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {AggregatorV3Interface} from "../interfaces/AggregatorV3Interface.sol";
import {IUniswapV2PairMinimal} from "../interfaces/IUniswapV2PairMinimal.sol";
import {Errors} from "../libraries/Errors.sol";
import {WAD, MathLib} from "../libraries/MathLib.sol";
import {IMarginModel, MarginParams} from "./IMarginModel.sol";
import {MarginParamsLib} from "./MarginParamsLib.sol";

/// @notice Constructor configuration of DynamicMargin; every ratio is WAD.
/// @dev ABI: a static tuple, encoded exactly like its fields listed flat in this order.
struct DynamicMarginConfig {
    address feed; // feed whose returns drive volatility (the market's oracle, usually)
    address pair; // Uniswap V2 pair for the depth haircut; address(0) disables it
    address collateralToken; // which side of `pair` is the collateral
    uint256 minLiquidationThreshold; // floor of every threshold answered
    uint256 maxLiquidationThreshold; // threshold at zero volatility; also the ceiling
    uint256 volSensitivity; // threshold drop per unit of per-round sigma
    uint256 ltvGap; // initialLtv = threshold - ltvGap (floored at 0)
    uint256 closeFactor; // constant close factor
    uint256 minBonus; // bonus at zero volatility
    uint256 maxBonus; // bonus ceiling
    uint256 bonusVolSensitivity; // bonus rise per unit of per-round sigma
    uint256 ewmaDecay; // lambda: weight kept by the previous variance and depth at each new round
    uint256 maxThresholdStepPerBlock; // max move of the global threshold per block
    uint256 depthSensitivity; // threshold haircut per unit of price impact
    uint256 maxDepthHaircut; // haircut ceiling
}

/// @title DynamicMargin
/// @notice Volatility- and liquidity-aware margin. Formulas (WAD; r, sigma per oracle round):
///         - on each new feed round: r = |p_t - p_{t-1}| / p_{t-1};
///           var_t = lambda * var_{t-1} + (1 - lambda) * r^2; sigma = sqrt(var)
///           depth_t = lambda * depth_{t-1} + (1 - lambda) * collateralReserve (first round: the reserve)
///         - target = clamp(maxLT - volSensitivity * sigma, minLT, maxLT)
///         - global threshold LT_g moves toward target by at most maxThresholdStepPerBlock per block
///           elapsed since the previous poke (so twice in one block: no move)
///         - per position of size c (collateral units): impact = c / (depth + c), the average price
///           impact of dumping c into a constant-product pool of collateral reserve `depth`;
///           haircut = min(maxDepthHaircut, depthSensitivity * impact)
///         - liquidationThreshold = clamp(LT_g - haircut, minLT, maxLT)
///         - initialLtv = max(liquidationThreshold - ltvGap, 0)
///         - liquidationBonus = clamp(minBonus + bonusVolSensitivity * sigma, minBonus, maxBonus)
///         - closeFactor = constant
/// @dev State moves only in the permissionless `poke()`, which a keeper calls every block; a round
///      already seen does not update the EWMAs again. Depth is smoothed by the same EWMA so a
///      one-block reserve manipulation cannot swing the haircut.
contract DynamicMargin is IMarginModel {
    using MathLib for uint256;

    /// @notice Emitted by every poke that changed state.
    event Poked(
        uint80 indexed roundId,
        int256 answer,
        uint256 variance,
        uint256 depth,
        uint256 targetThreshold,
        uint256 liquidationThreshold
    );

    /// @notice Cap on one round's |return| fed to the EWMA (1000 = 100,000%).
    uint256 public constant MAX_RETURN = 1000 * WAD;

    AggregatorV3Interface public immutable feed;
    IUniswapV2PairMinimal public immutable pair;
    bool public immutable collateralIsToken0;
    uint256 public immutable minLiquidationThreshold;
    uint256 public immutable maxLiquidationThreshold;
    uint256 public immutable volSensitivity;
    uint256 public immutable ltvGap;
    uint256 public immutable closeFactor;
    uint256 public immutable minBonus;
    uint256 public immutable maxBonus;
    uint256 public immutable bonusVolSensitivity;
    uint256 public immutable ewmaDecay;
    uint256 public immutable maxThresholdStepPerBlock;
    uint256 public immutable depthSensitivity;
    uint256 public immutable maxDepthHaircut;

    /// @notice Last feed round consumed by poke.
    uint80 public lastRoundId;
    /// @notice Feed answer of `lastRoundId`.
    int256 public lastAnswer;
    /// @notice EWMA of squared per-round simple returns (WAD).
    uint256 public variance;
    /// @notice EWMA of the pair's collateral reserve (collateral units); 0 until the first poke.
    uint256 public depth;
    /// @notice Threshold the volatility asks for; the global threshold walks toward it.
    uint256 public targetThreshold;
    /// @notice Rate-limited global liquidation threshold, before the per-position haircut.
    uint256 public globalThreshold;
    /// @notice Block of the last poke that moved the global threshold.
    uint256 public lastPokeBlock;

    /// @dev Reverts with Errors.BoundsInverted / MarginThresholdInvalid / BonusTooLargeForThreshold /
    ///      CloseFactorOutOfRange / EwmaDecayOutOfRange / TokenNotInPair on a bad config.
    constructor(DynamicMarginConfig memory c) {
        if (c.feed == address(0) || c.collateralToken == address(0)) revert Errors.AddressIsZero();
        if (c.minLiquidationThreshold > c.maxLiquidationThreshold) {
            revert Errors.BoundsInverted(c.minLiquidationThreshold, c.maxLiquidationThreshold);
        }
        if (c.minBonus > c.maxBonus) revert Errors.BoundsInverted(c.minBonus, c.maxBonus);
        if (c.ewmaDecay >= WAD) revert Errors.EwmaDecayOutOfRange(c.ewmaDecay);
        MarginParamsLib.validate(
            MarginParams(
                c.maxLiquidationThreshold.zeroFloorSub(c.ltvGap), c.maxLiquidationThreshold, c.closeFactor, c.maxBonus
            )
        );
        if (c.minLiquidationThreshold == 0) revert Errors.MarginThresholdInvalid(0);

        bool isToken0;
        if (c.pair != address(0)) {
            isToken0 = IUniswapV2PairMinimal(c.pair).token0() == c.collateralToken;
            if (!isToken0 && IUniswapV2PairMinimal(c.pair).token1() != c.collateralToken) {
                revert Errors.TokenNotInPair(c.collateralToken);
            }
        }
        feed = AggregatorV3Interface(c.feed);
        pair = IUniswapV2PairMinimal(c.pair);
        collateralIsToken0 = isToken0;
        minLiquidationThreshold = c.minLiquidationThreshold;
        maxLiquidationThreshold = c.maxLiquidationThreshold;
        volSensitivity = c.volSensitivity;
        ltvGap = c.ltvGap;
        closeFactor = c.closeFactor;
        minBonus = c.minBonus;
        maxBonus = c.maxBonus;
        bonusVolSensitivity = c.bonusVolSensitivity;
        ewmaDecay = c.ewmaDecay;
        maxThresholdStepPerBlock = c.maxThresholdStepPerBlock;
        depthSensitivity = c.depthSensitivity;
        maxDepthHaircut = c.maxDepthHaircut;
        targetThreshold = c.maxLiquidationThreshold;
        globalThreshold = c.maxLiquidationThreshold;
        lastPokeBlock = block.number;
    }

    /// @notice Reads the feed (and the pair), updates the EWMAs on a new round, and walks the global
    ///         threshold toward its target within the per-block limit. Permissionless.
    /// @return newRound True when the feed had a round not seen before.
    function poke() external returns (bool newRound) {
        (uint80 roundId, int256 answer,,,) = feed.latestRoundData();
        newRound = roundId != lastRoundId && answer > 0;
        if (newRound) {
            if (lastAnswer > 0) {
                uint256 prev = uint256(lastAnswer);
                uint256 cur = uint256(answer);
                // Capped so a broken feed (price x 1e6 in a round) cannot overflow the squares.
                uint256 r = MathLib.min((cur > prev ? cur - prev : prev - cur).wDivDown(prev), MAX_RETURN);
                variance = variance.wMulDown(ewmaDecay) + r.wMulDown(r).wMulDown(WAD - ewmaDecay);
            }
            lastRoundId = roundId;
            lastAnswer = answer;
            if (address(pair) != address(0)) {
                (uint112 r0, uint112 r1,) = pair.getReserves();
                uint256 reserve = collateralIsToken0 ? r0 : r1;
                depth = depth == 0 ? reserve : depth.wMulDown(ewmaDecay) + reserve.wMulDown(WAD - ewmaDecay);
            }
            targetThreshold = (maxLiquidationThreshold.zeroFloorSub(volSensitivity.wMulDown(sigma()))).clamp(
                minLiquidationThreshold, maxLiquidationThreshold
            );
        }
        uint256 maxStep = maxThresholdStepPerBlock * (block.number - lastPokeBlock);
        uint256 current = globalThreshold;
        uint256 target = targetThreshold;
        if (target != current || newRound) {
            globalThreshold = target < current ? current - MathLib.min(current - target, maxStep) : current
                + MathLib.min(target - current, maxStep);
            lastPokeBlock = block.number;
            emit Poked(roundId, answer, variance, depth, target, globalThreshold);
        }
    }

    /// @notice Per-round volatility sigma = sqrt(variance), WAD.
    function sigma() public view returns (uint256) {
        return Math.sqrt(variance * WAD);
    }

    /// @notice Threshold haircut for a position of `positionCollateral`, WAD.
    function depthHaircut(uint256 positionCollateral) public view returns (uint256) {
        uint256 d = depth;
        if (d == 0 || positionCollateral == 0) return 0;
        uint256 impact = positionCollateral.mulDivUp(WAD, d + positionCollateral);
        return MathLib.min(maxDepthHaircut, depthSensitivity.wMulUp(impact));
    }

    /// @inheritdoc IMarginModel
    function params(address, uint256 positionCollateral) external view returns (MarginParams memory p) {
        p.liquidationThreshold = globalThreshold.zeroFloorSub(depthHaircut(positionCollateral)).clamp(
            minLiquidationThreshold, maxLiquidationThreshold
        );
        p.initialLtv = p.liquidationThreshold.zeroFloorSub(ltvGap);
        p.closeFactor = closeFactor;
        p.liquidationBonus = (minBonus + bonusVolSensitivity.wMulDown(sigma())).clamp(minBonus, maxBonus);
    }
}
