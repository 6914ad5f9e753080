using System.Numerics;

namespace ProtocolLab.Simulation.Agents.Uniswap;

/// <summary>
/// Uniswap V2 constant-product arithmetic with the 0.3% fee, in integers exactly as
/// UniswapV2Library (v2-periphery) and UniswapV2Pair.swap round, so an agent's quote equals
/// what the pair pays.
/// </summary>
public static class UniswapV2Math
{
    /// <summary>UniswapV2Library.getAmountOut: amountIn x 997 x reserveOut / (reserveIn x 1000 + amountIn x 997), rounded down.</summary>
    public static BigInteger GetAmountOut(BigInteger amountIn, BigInteger reserveIn, BigInteger reserveOut)
    {
        if (amountIn.Sign <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(amountIn), "UniswapV2Library: INSUFFICIENT_INPUT_AMOUNT");
        }

        RequireLiquidity(reserveIn, reserveOut);
        var amountInWithFee = amountIn * 997;
        return amountInWithFee * reserveOut / ((reserveIn * 1000) + amountInWithFee);
    }

    /// <summary>UniswapV2Library.getAmountIn: the input that buys <paramref name="amountOut"/>, rounded up (+1).</summary>
    public static BigInteger GetAmountIn(BigInteger amountOut, BigInteger reserveIn, BigInteger reserveOut)
    {
        if (amountOut.Sign <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(amountOut), "UniswapV2Library: INSUFFICIENT_OUTPUT_AMOUNT");
        }

        RequireLiquidity(reserveIn, reserveOut);
        if (amountOut >= reserveOut)
        {
            throw new ArgumentOutOfRangeException(nameof(amountOut), "UniswapV2: INSUFFICIENT_LIQUIDITY");
        }

        return (reserveIn * amountOut * 1000 / ((reserveOut - amountOut) * 997)) + 1;
    }

    /// <summary>
    /// The largest input such that, after the swap, reserveOut' / reserveIn' is still at least
    /// <paramref name="targetNumerator"/> / <paramref name="targetDenominator"/> (a ratio of base
    /// units, "out per in"). Selling the input token lowers that ratio, so this is the trade that
    /// moves the pool's price down to the target without passing it; 0 when the pool is already
    /// at or below the target.
    /// </summary>
    /// <remarks>
    /// With x = reserveIn, y = reserveOut, P = n/d, the pair leaves y' = 1000xy / (1000x + 997a),
    /// and y' / (x + a) = P gives 997n a^2 + 1997n x a + 1000x (n x - d y) = 0. The root is taken
    /// with an integer square root, then corrected so that the integer rounding of getAmountOut is
    /// honoured exactly.
    /// </remarks>
    public static BigInteger AmountInToReachRatio(BigInteger reserveIn, BigInteger reserveOut, BigInteger targetNumerator, BigInteger targetDenominator)
    {
        RequireLiquidity(reserveIn, reserveOut);
        if (targetNumerator.Sign <= 0 || targetDenominator.Sign <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(targetNumerator), "The target ratio must be positive.");
        }

        if (!StaysAtOrAbove(reserveIn, reserveOut, 0, targetNumerator, targetDenominator))
        {
            return BigInteger.Zero;
        }

        var a = 997 * targetNumerator;
        var b = 1997 * targetNumerator * reserveIn;
        var c = 1000 * reserveIn * ((targetNumerator * reserveIn) - (targetDenominator * reserveOut));
        var discriminant = (b * b) - (4 * a * c);
        var root = BigInteger.Max(BigInteger.Zero, (Sqrt(discriminant) - b) / (2 * a));
        return LargestStayingAtOrAbove(reserveIn, reserveOut, root, targetNumerator, targetDenominator);
    }

    /// <summary>
    /// The real root ignores getAmountOut's rounding, which can shift the answer by many base
    /// units (one unit of the output token is worth many of a finer input token). The predicate
    /// is monotone in the input, so gallop from the root to a bracket, then bisect.
    /// </summary>
    private static BigInteger LargestStayingAtOrAbove(BigInteger reserveIn, BigInteger reserveOut, BigInteger guess, BigInteger n, BigInteger d)
    {
        bool Holds(BigInteger amount) => StaysAtOrAbove(reserveIn, reserveOut, amount, n, d);

        BigInteger low;
        BigInteger high;
        BigInteger step = 1;
        if (Holds(guess))
        {
            low = guess;
            while (Holds(guess + step))
            {
                low = guess + step;
                step *= 2;
            }

            high = guess + step;
        }
        else
        {
            high = guess;
            while (guess - step > 0 && !Holds(guess - step))
            {
                high = guess - step;
                step *= 2;
            }

            low = BigInteger.Max(BigInteger.Zero, guess - step);
        }

        // Invariant: Holds(low) and !Holds(high).
        while (high - low > 1)
        {
            var middle = (low + high) / 2;
            if (Holds(middle))
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    /// <summary>Floor of the square root (Newton's method on integers).</summary>
    public static BigInteger Sqrt(BigInteger value)
    {
        if (value.Sign < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), "Square root of a negative number.");
        }

        if (value < 2)
        {
            return value;
        }

        var x = BigInteger.One << (int)((value.GetBitLength() + 1) / 2);
        while (true)
        {
            var next = (x + (value / x)) / 2;
            if (next >= x)
            {
                return x;
            }

            x = next;
        }
    }

    private static bool StaysAtOrAbove(BigInteger reserveIn, BigInteger reserveOut, BigInteger amountIn, BigInteger n, BigInteger d)
    {
        var outAfter = amountIn.IsZero ? reserveOut : reserveOut - GetAmountOut(amountIn, reserveIn, reserveOut);
        return outAfter * d >= n * (reserveIn + amountIn);
    }

    private static void RequireLiquidity(BigInteger reserveIn, BigInteger reserveOut)
    {
        if (reserveIn.Sign <= 0 || reserveOut.Sign <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(reserveIn), "UniswapV2Library: INSUFFICIENT_LIQUIDITY");
        }
    }
}
