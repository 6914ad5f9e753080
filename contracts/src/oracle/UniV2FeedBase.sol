// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20Metadata} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Metadata.sol";
import {AggregatorV3Interface} from "../interfaces/AggregatorV3Interface.sol";
import {IUniswapV2PairMinimal} from "../interfaces/IUniswapV2PairMinimal.sol";
import {Errors} from "../libraries/Errors.sol";
import {MathLib} from "../libraries/MathLib.sol";

/// @title UniV2FeedBase
/// @notice Shared plumbing of the feeds that read a Uniswap V2 pair: token ordering and the
///         conversion of raw reserve ratios into 8-decimal loan-per-collateral answers.
/// @dev answer = loanRaw / collateralRaw x 10^collateralDecimals / 10^loanDecimals x 10^8.
abstract contract UniV2FeedBase is AggregatorV3Interface {
    using MathLib for uint256;

    uint8 public constant decimals = 8;

    IUniswapV2PairMinimal public immutable pair;
    address public immutable collateralToken;
    address public immutable loanToken;
    bool public immutable collateralIsToken0;
    /// @dev 10^collateralDecimals x 10^8.
    uint256 internal immutable scaleNumerator;
    /// @dev 10^loanDecimals.
    uint256 internal immutable scaleDenominator;

    constructor(address pair_, address collateralToken_) {
        if (pair_ == address(0) || collateralToken_ == address(0)) revert Errors.AddressIsZero();
        address t0 = IUniswapV2PairMinimal(pair_).token0();
        address t1 = IUniswapV2PairMinimal(pair_).token1();
        if (collateralToken_ != t0 && collateralToken_ != t1) revert Errors.TokenNotInPair(collateralToken_);
        pair = IUniswapV2PairMinimal(pair_);
        collateralToken = collateralToken_;
        collateralIsToken0 = collateralToken_ == t0;
        loanToken = collateralIsToken0 ? t1 : t0;
        uint8 collateralDecimals = IERC20Metadata(collateralToken_).decimals();
        uint8 loanDecimals = IERC20Metadata(loanToken).decimals();
        if (collateralDecimals > 18) revert Errors.TokenDecimalsTooLarge(collateralDecimals);
        if (loanDecimals > 18) revert Errors.TokenDecimalsTooLarge(loanDecimals);
        scaleNumerator = 10 ** (uint256(collateralDecimals) + decimals);
        scaleDenominator = 10 ** uint256(loanDecimals);
    }

    /// @inheritdoc AggregatorV3Interface
    function version() external pure returns (uint256) {
        return 1;
    }

    /// @dev Current reserves ordered as (collateral, loan).
    function _reserves() internal view returns (uint256 collateralReserve, uint256 loanReserve, uint32 timestampLast) {
        (uint112 r0, uint112 r1, uint32 ts) = pair.getReserves();
        (collateralReserve, loanReserve) = collateralIsToken0 ? (uint256(r0), uint256(r1)) : (uint256(r1), uint256(r0));
        timestampLast = ts;
    }

    /// @dev Spot answer from reserves, rounded down.
    function _spotAnswer(uint256 collateralReserve, uint256 loanReserve) internal view returns (uint256) {
        if (collateralReserve == 0 || loanReserve == 0) revert Errors.PairHasNoLiquidity();
        return loanReserve.mulDivDown(scaleNumerator, collateralReserve * scaleDenominator);
    }

    /// @dev Answer from a UQ112.112 raw price (loan raw units per collateral raw unit), rounded down.
    function _uqAnswer(uint256 priceUq112) internal view returns (uint256) {
        return priceUq112.mulDivDown(scaleNumerator, scaleDenominator << 112);
    }
}
