// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Errors} from "../libraries/Errors.sol";

/// @notice The part of a Uniswap V2 pair an arbitrageur trades.
interface IUniswapV2PairSwap {
    function token0() external view returns (address);
    function token1() external view returns (address);
    function getReserves() external view returns (uint112 reserve0, uint112 reserve1, uint32 blockTimestampLast);
    function swap(uint256 amount0Out, uint256 amount1Out, address to, bytes calldata data) external;
}

/// @title PairArbitrageur
/// @notice The on-chain leg of a CEX-DEX arbitrageur: it trades a Uniswap V2 pair toward a
///         reference price (the external venue's, which the arbitrageur hedges on), sized when the
///         transaction executes against the reserves it finds there. Sizing at execution is what lets
///         an arbitrageur back-run forced sales in the same block: ordered after them by its priority
///         fee, it sees the reserves they left.
/// @dev Optimal size with Uniswap V2's 0.3% fee (gamma = 997/1000). Selling dx of token A for B
///      against reserves (a, b) pays out gamma*dx*b / (a + gamma*dx); the next unit's price is
///      gamma*a*b / (a + gamma*dx)^2. Trading while that marginal price beats the reference price p
///      (B per A) maximises out - p*dx at a + gamma*dx = sqrt(gamma*a*b / p). Inside the fee band
///      (gamma*b/a <= p and gamma*a/b <= 1/p) no trade pays. The trade is capped by the per-call
///      limits and the inventory held here, and skipped when its profit at the reference price is
///      below the caller's minimum (its gas, as the caller prices it).
contract PairArbitrageur {
    using SafeERC20 for IERC20;

    uint256 internal constant FEE_NUMERATOR = 997;
    uint256 internal constant FEE_DENOMINATOR = 1000;

    address public immutable operator;
    IUniswapV2PairSwap public immutable pair;
    IERC20 public immutable collateral;
    IERC20 public immutable loan;
    bool public immutable collateralIsToken0;

    /// @notice A trade: direction, what went in and came out (base units), and its profit at the reference price (loan base units).
    event Arbitraged(bool sellCollateral, uint256 amountIn, uint256 amountOut, uint256 profit);
    /// @notice A mispricing too small to pay: its best profit at the reference price, and the minimum asked.
    event ArbitrageSkipped(uint256 profit, uint256 minProfit);

    /// @notice What a trade would be: direction, input, output and profit at the reference price.
    struct Quote {
        bool sellCollateral;
        uint256 amountIn;
        uint256 amountOut;
        uint256 profit;
    }

    constructor(address pair_, address collateral_, address operator_) {
        if (pair_ == address(0) || collateral_ == address(0) || operator_ == address(0)) revert Errors.AddressIsZero();
        address t0 = IUniswapV2PairSwap(pair_).token0();
        address t1 = IUniswapV2PairSwap(pair_).token1();
        if (collateral_ != t0 && collateral_ != t1) revert Errors.TokenNotInPair(collateral_);
        pair = IUniswapV2PairSwap(pair_);
        operator = operator_;
        collateralIsToken0 = collateral_ == t0;
        collateral = IERC20(collateral_);
        loan = IERC20(collateralIsToken0 ? t1 : t0);
    }

    /// @notice Trades the pair toward priceNumerator / priceDenominator (loan base units per collateral base unit).
    /// @param maxLoanIn Largest loan amount to spend buying collateral.
    /// @param maxCollateralIn Largest collateral amount to sell.
    /// @param minProfit Smallest profit (loan base units at the reference price) worth the transaction.
    function arbitrage(uint256 priceNumerator, uint256 priceDenominator, uint256 maxLoanIn, uint256 maxCollateralIn, uint256 minProfit)
        external
        returns (Quote memory q)
    {
        if (msg.sender != operator) revert Errors.CallerIsNotOperator(msg.sender);
        q = quote(
            priceNumerator,
            priceDenominator,
            Math.min(maxLoanIn, loan.balanceOf(address(this))),
            Math.min(maxCollateralIn, collateral.balanceOf(address(this)))
        );
        if (q.amountOut == 0 || q.profit == 0 || q.profit < minProfit) {
            emit ArbitrageSkipped(q.profit, minProfit);
            return Quote(false, 0, 0, 0);
        }
        (IERC20 tokenIn, bool outIsToken0) = q.sellCollateral ? (collateral, !collateralIsToken0) : (loan, collateralIsToken0);
        tokenIn.safeTransfer(address(pair), q.amountIn);
        pair.swap(outIsToken0 ? q.amountOut : 0, outIsToken0 ? 0 : q.amountOut, address(this), "");
        emit Arbitraged(q.sellCollateral, q.amountIn, q.amountOut, q.profit);
    }

    /// @notice The trade arbitrage() would make now with these limits (zero amounts inside the fee band).
    function quote(uint256 priceNumerator, uint256 priceDenominator, uint256 maxLoanIn, uint256 maxCollateralIn)
        public
        view
        returns (Quote memory q)
    {
        if (priceNumerator == 0 || priceDenominator == 0) revert Errors.ReferencePriceIsZero();
        (uint112 r0, uint112 r1,) = pair.getReserves();
        (uint256 c, uint256 l) = collateralIsToken0 ? (uint256(r0), uint256(r1)) : (uint256(r1), uint256(r0));
        if (c == 0 || l == 0) return q;
        if (FEE_NUMERATOR * l * priceDenominator > FEE_DENOMINATOR * c * priceNumerator) {
            // The pair pays more loan per collateral than the reference: sell collateral.
            uint256 dx = _optimalInput(c, l, priceDenominator, priceNumerator);
            dx = Math.min(dx, maxCollateralIn);
            uint256 out = _amountOut(dx, c, l);
            uint256 cost = Math.mulDiv(dx, priceNumerator, priceDenominator, Math.Rounding.Ceil);
            q = Quote(true, dx, out, out > cost ? out - cost : 0);
        } else if (FEE_NUMERATOR * c * priceNumerator > FEE_DENOMINATOR * l * priceDenominator) {
            // The pair sells collateral for less than the reference: buy it.
            uint256 dx = _optimalInput(l, c, priceNumerator, priceDenominator);
            dx = Math.min(dx, maxLoanIn);
            uint256 out = _amountOut(dx, l, c);
            uint256 value = Math.mulDiv(out, priceNumerator, priceDenominator);
            q = Quote(false, dx, out, value > dx ? value - dx : 0);
        }
    }

    /// @dev Input of token A (reserve a; b of token B) that brings the pair's marginal price to the
    ///      reference: a + gamma*dx = sqrt(gamma * a * b * k), where k = pNumerator / pDenominator is
    ///      what one unit of B is worth in units of A at the reference price.
    function _optimalInput(uint256 a, uint256 b, uint256 pNumerator, uint256 pDenominator) private pure returns (uint256) {
        uint256 target = Math.sqrt(Math.mulDiv(a * b, FEE_NUMERATOR * pNumerator, FEE_DENOMINATOR * pDenominator));
        return target > a ? Math.mulDiv(target - a, FEE_DENOMINATOR, FEE_NUMERATOR) : 0;
    }

    /// @dev Uniswap V2's getAmountOut.
    function _amountOut(uint256 amountIn, uint256 reserveIn, uint256 reserveOut) private pure returns (uint256) {
        if (amountIn == 0) return 0;
        uint256 withFee = amountIn * FEE_NUMERATOR;
        return withFee * reserveOut / (reserveIn * FEE_DENOMINATOR + withFee);
    }
}
