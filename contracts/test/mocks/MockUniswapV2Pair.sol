// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IUniswapV2PairMinimal} from "../../src/interfaces/IUniswapV2PairMinimal.sol";

/// @notice Pair stand-in whose reserves tests set directly; it accumulates prices exactly as
///         UniswapV2Pair._update does (UQ112.112 price x seconds, before the reserves change).
contract MockUniswapV2Pair is IUniswapV2PairMinimal {
    address public immutable token0;
    address public immutable token1;
    uint112 internal reserve0;
    uint112 internal reserve1;
    uint32 internal blockTimestampLast;
    uint256 public price0CumulativeLast;
    uint256 public price1CumulativeLast;

    constructor(address tokenA, address tokenB) {
        (token0, token1) = tokenA < tokenB ? (tokenA, tokenB) : (tokenB, tokenA);
    }

    function getReserves() external view returns (uint112, uint112, uint32) {
        return (reserve0, reserve1, blockTimestampLast);
    }

    function setReserves(uint112 r0, uint112 r1) external {
        uint32 nowTs = uint32(block.timestamp);
        unchecked {
            uint32 elapsed = nowTs - blockTimestampLast;
            if (elapsed > 0 && reserve0 != 0 && reserve1 != 0) {
                price0CumulativeLast += ((uint256(reserve1) << 112) / reserve0) * elapsed;
                price1CumulativeLast += ((uint256(reserve0) << 112) / reserve1) * elapsed;
            }
        }
        (reserve0, reserve1, blockTimestampLast) = (r0, r1, nowTs);
    }
}
