// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title IVolatilitySource
/// @notice Where the options vault and its margin models read volatility.
interface IVolatilitySource {
    /// @notice Annualized volatility (WAD, 0.8e18 = 80%) used for marks and margins now.
    function volatility() external view returns (uint256);
}
