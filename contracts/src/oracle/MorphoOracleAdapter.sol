// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IOracle} from "@morpho-org/morpho-blue/src/interfaces/IOracle.sol";
import {IERC20Metadata} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Metadata.sol";
import {AggregatorV3Interface} from "../interfaces/AggregatorV3Interface.sol";
import {Errors} from "../libraries/Errors.sol";

/// @title MorphoOracleAdapter
/// @notice Serves a ProtocolLab AggregatorV3 feed (loan asset per collateral asset, `decimals()`
///         decimals) to a Morpho Blue market as its IOracle: the price of one collateral base unit in
///         loan base units, scaled by 1e36.
/// @dev price = answer x 10^(36 + loanDecimals - collateralDecimals - feedDecimals). Every decimals
///      count is at most 18, so the exponent is never negative and the scaling is exact. Like Morpho's
///      own Chainlink oracle it checks no staleness (Morpho reads whatever the oracle says); unlike it,
///      it refuses a zero answer, which would make every borrow look worthless.
contract MorphoOracleAdapter is IOracle {
    AggregatorV3Interface public immutable feed;
    /// @dev 10^(36 + loanDecimals - collateralDecimals - feedDecimals).
    uint256 public immutable scaleFactor;

    constructor(AggregatorV3Interface feed_, address collateralToken, address loanToken) {
        if (address(feed_) == address(0) || collateralToken == address(0) || loanToken == address(0)) {
            revert Errors.AddressIsZero();
        }
        uint8 feedDecimals = feed_.decimals();
        uint8 collateralDecimals = IERC20Metadata(collateralToken).decimals();
        uint8 loanDecimals = IERC20Metadata(loanToken).decimals();
        if (feedDecimals > 18) revert Errors.OracleDecimalsTooLarge(feedDecimals);
        if (collateralDecimals > 18) revert Errors.TokenDecimalsTooLarge(collateralDecimals);
        if (loanDecimals > 18) revert Errors.TokenDecimalsTooLarge(loanDecimals);
        feed = feed_;
        scaleFactor = 10 ** (36 + uint256(loanDecimals) - collateralDecimals - feedDecimals);
    }

    /// @inheritdoc IOracle
    function price() external view returns (uint256) {
        (, int256 answer,,,) = feed.latestRoundData();
        if (answer <= 0) revert Errors.OracleAnswerNonPositive(answer);
        // Checked here rather than by the overflow panic, so a harness decodes the cause.
        if (uint256(answer) > type(uint256).max / scaleFactor) revert Errors.OracleAnswerTooLarge(answer);
        return uint256(answer) * scaleFactor;
    }
}
