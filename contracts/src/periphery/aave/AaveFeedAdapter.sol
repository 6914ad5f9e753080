// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {AggregatorV3Interface} from "../../interfaces/AggregatorV3Interface.sol";
import {Errors} from "../../libraries/Errors.sol";

/// @title AaveFeedAdapter
/// @notice Serves a ProtocolLab AggregatorV3 feed (PushFeed, the TWAP and spot feeds) to Aave v3's
///         AaveOracle, which reads a source through the legacy Chainlink `latestAnswer()` only.
/// @dev AaveOracle checks neither staleness nor rounds: it takes any positive answer and falls back
///      (to no fallback oracle here, so it reverts) on zero or negative ones. The adapter passes the
///      answer through unchanged, so a feed's guards-testing answers reach Aave as they are.
contract AaveFeedAdapter {
    AggregatorV3Interface public immutable feed;

    constructor(AggregatorV3Interface feed_) {
        if (address(feed_) == address(0)) revert Errors.AddressIsZero();
        feed = feed_;
    }

    /// @notice The feed's latest answer, in its own decimals (8 for ProtocolLab feeds, Aave's USD unit).
    function latestAnswer() external view returns (int256 answer) {
        (, answer,,,) = feed.latestRoundData();
    }

    /// @notice When the latest answer was stamped; 0 before the feed's first round.
    function latestTimestamp() external view returns (uint256 updatedAt) {
        (,,, updatedAt,) = feed.latestRoundData();
    }

    function decimals() external view returns (uint8) {
        return feed.decimals();
    }
}
