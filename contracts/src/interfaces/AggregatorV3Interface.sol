// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title AggregatorV3Interface
/// @notice The Chainlink price-feed read interface (same signatures), declared here because
///         the Chainlink npm package cannot be installed in this toolchain.
/// @dev ProtocolLab feeds answer loan-asset per collateral-asset with `decimals()` decimals (8, like USD feeds).
interface AggregatorV3Interface {
    /// @notice Number of decimals of `answer`.
    function decimals() external view returns (uint8);

    /// @notice Human-readable description, e.g. "WETH / USDC push".
    function description() external view returns (string memory);

    /// @notice Version of the feed implementation.
    function version() external view returns (uint256);

    /// @notice Data of a given round.
    /// @dev Reverts with `RoundNotFound` when the feed keeps no data for `roundId`.
    function getRoundData(uint80 roundId)
        external
        view
        returns (uint80 roundId_, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredInRound);

    /// @notice Data of the latest round. Consumers must check `updatedAt` for staleness and `answer > 0`.
    function latestRoundData()
        external
        view
        returns (uint80 roundId, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredInRound);
}
