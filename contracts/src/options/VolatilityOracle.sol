// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {ln, sd, sqrt} from "@prb/math/src/SD59x18.sol";
import {AggregatorV3Interface} from "../interfaces/AggregatorV3Interface.sol";
import {Errors} from "../libraries/Errors.sol";
import {WAD, MathLib} from "../libraries/MathLib.sol";
import {IVolatilitySource} from "./IVolatilitySource.sol";
import {OptionErrors} from "./OptionErrors.sol";
import {OptionMarginLib} from "./OptionMarginLib.sol";

/// @title VolatilityOracle
/// @notice Realized volatility from an EWMA of the feed's log returns, combined with a keeper-set
///         implied volatility. On each new feed round (poke):
///           r = ln(p_t / p_{t-1}), dt = updatedAt_t - updatedAt_{t-1} seconds
///           v_t = lambda x v_{t-1} + (1 - lambda) x r^2 / dt            (variance per second)
///           realized = sqrt(v_t x 365 days)
///         volatility() = clamp(max(implied, realized), minVolatility, maxVolatility).
///         Dividing by dt makes irregular rounds comparable; a crash (large |r| over a short dt) lifts
///         realized volatility at once, and the keeper may lift implied volatility further.
/// @dev State moves only in the permissionless `poke()`; a round already seen changes nothing.
///      A round stamped no later than the last one folded in (dt = 0: several pushes in one block) is
///      consumed but not annualised: dividing its return by a pretend 1 s turned a 0.1% move into ~137%
///      annual volatility. p_{t-1} and updatedAt_{t-1} stay at the last round with elapsed time, so the
///      move is measured once, over the real dt, by the next round stamped later.
contract VolatilityOracle is IVolatilitySource {
    using MathLib for uint256;

    event Poked(uint80 indexed roundId, int256 answer, uint256 variancePerSecond, uint256 realizedVolatility);
    event ImpliedVolatilitySet(uint256 impliedVolatility);
    event KeeperSet(address indexed keeper);

    uint256 internal constant YEAR = 365 days;
    /// @notice Cap on one round's |log return| (ln 10), so a broken feed cannot overflow the EWMA.
    int256 public constant MAX_LOG_RETURN = 2_302_585_092_994_045_684;

    AggregatorV3Interface public immutable feed;
    uint256 public immutable ewmaDecay;
    uint256 public immutable minVolatility;
    uint256 public immutable maxVolatility;

    address public keeper;
    /// @notice Keeper-set annualized implied volatility (WAD); 0 means "realized only".
    uint256 public impliedVolatility;
    /// @notice EWMA of squared log returns per second (WAD).
    uint256 public variancePerSecond;
    uint80 public lastRoundId;
    int256 public lastAnswer;
    uint256 public lastUpdatedAt;

    /// @param feed_ Price feed whose returns drive realized volatility.
    /// @param keeper_ May set the implied volatility and appoint a new keeper.
    /// @param ewmaDecay_ lambda in [0, 1), e.g. 0.94e18.
    /// @param initialVolatility Seed of the realized estimate (annualized WAD).
    /// @param minVolatility_ Floor of volatility() (> 0 keeps marks of out-of-the-money options positive).
    /// @param maxVolatility_ Ceiling of volatility(), <= 10e18.
    constructor(
        AggregatorV3Interface feed_,
        address keeper_,
        uint256 ewmaDecay_,
        uint256 initialVolatility,
        uint256 minVolatility_,
        uint256 maxVolatility_
    ) {
        if (address(feed_) == address(0) || keeper_ == address(0)) revert Errors.AddressIsZero();
        OptionMarginLib.checkRange(ewmaDecay_, 0, WAD - 1);
        OptionMarginLib.checkRange(maxVolatility_, 1, 10 * WAD);
        OptionMarginLib.checkRange(minVolatility_, 0, maxVolatility_);
        feed = feed_;
        keeper = keeper_;
        ewmaDecay = ewmaDecay_;
        minVolatility = minVolatility_;
        maxVolatility = maxVolatility_;
        variancePerSecond = initialVolatility.wMulUp(initialVolatility) / YEAR;
        emit KeeperSet(keeper_);
    }

    /// @notice Sets the implied volatility (annualized WAD, <= maxVolatility). Only the keeper.
    function setImpliedVolatility(uint256 impliedVolatility_) external {
        if (msg.sender != keeper) revert OptionErrors.CallerIsNotVolatilityKeeper(msg.sender);
        OptionMarginLib.checkRange(impliedVolatility_, 0, maxVolatility);
        impliedVolatility = impliedVolatility_;
        emit ImpliedVolatilitySet(impliedVolatility_);
    }

    /// @notice Replaces the keeper. Only the keeper.
    function setKeeper(address keeper_) external {
        if (msg.sender != keeper) revert OptionErrors.CallerIsNotVolatilityKeeper(msg.sender);
        if (keeper_ == address(0)) revert Errors.AddressIsZero();
        keeper = keeper_;
        emit KeeperSet(keeper_);
    }

    /// @notice Folds the feed's latest round into the EWMA if it is new and positive. Permissionless.
    /// @return newRound True when a round not seen before was consumed.
    function poke() external returns (bool newRound) {
        (uint80 roundId, int256 answer,, uint256 updatedAt,) = feed.latestRoundData();
        newRound = roundId != lastRoundId && answer > 0;
        if (!newRound) return false;
        lastRoundId = roundId;
        if (lastAnswer > 0) {
            if (updatedAt <= lastUpdatedAt) {
                emit Poked(roundId, answer, variancePerSecond, realizedVolatility());
                return true;
            }
            int256 r = ln(sd(answer)).unwrap() - ln(sd(lastAnswer)).unwrap();
            if (r > MAX_LOG_RETURN) r = MAX_LOG_RETURN;
            if (r < -MAX_LOG_RETURN) r = -MAX_LOG_RETURN;
            uint256 r2 = uint256(r * r) / WAD;
            variancePerSecond =
                variancePerSecond.wMulDown(ewmaDecay) + (r2 / (updatedAt - lastUpdatedAt)).wMulDown(WAD - ewmaDecay);
        }
        lastAnswer = answer;
        lastUpdatedAt = updatedAt;
        emit Poked(roundId, answer, variancePerSecond, realizedVolatility());
    }

    /// @notice sqrt(variancePerSecond x 365 days), annualized WAD.
    function realizedVolatility() public view returns (uint256) {
        return uint256(sqrt(sd(int256(variancePerSecond * YEAR))).unwrap());
    }

    /// @inheritdoc IVolatilitySource
    function volatility() external view returns (uint256) {
        return impliedVolatility.max(realizedVolatility()).clamp(minVolatility, maxVolatility);
    }
}
