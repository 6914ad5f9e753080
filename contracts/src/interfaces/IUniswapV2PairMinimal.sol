// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title IUniswapV2PairMinimal
/// @notice The part of the Uniswap V2 pair that the oracles and margin models read.
/// @dev Declared here because the Uniswap v2-core npm sources are Solidity 0.5.16.
interface IUniswapV2PairMinimal {
    function token0() external view returns (address);
    function token1() external view returns (address);
    function getReserves() external view returns (uint112 reserve0, uint112 reserve1, uint32 blockTimestampLast);
    function price0CumulativeLast() external view returns (uint256);
    function price1CumulativeLast() external view returns (uint256);
}
