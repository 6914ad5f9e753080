using System.Numerics;
using ProtocolLab.Simulation.Agents.Uniswap;
using ProtocolLab.Simulation.Randomness;

namespace ProtocolLab.Simulation.Tests.Agents.Uniswap;

public class UniswapV2MathTests
{
    private static readonly BigInteger Eth = BigInteger.Pow(10, 18);

    [Fact]
    public void GetAmountOut_ThousandIntoMillionPool_Is996()
    {
        // Given a 1,000,000 / 1,000,000 pool: 1000 in loses 0.3% fee and ~0.1% price impact
        // When the output is computed
        var output = UniswapV2Math.GetAmountOut(1000, 1_000_000, 1_000_000);

        // Then it is floor(997000 x 10^6 / 1000997000) = 996
        Assert.Equal(new BigInteger(996), output);
    }

    [Fact]
    public void GetAmountOut_OneEthInto100EthPool_MatchesLibraryFormula()
    {
        // Given 100 WETH / 200,000 USDC, 1 WETH sold; expected from the formula evaluated separately in Python
        // When the output is computed
        var output = UniswapV2Math.GetAmountOut(Eth, 100 * Eth, 200_000_000_000);

        // Then it is 1974.316068 USDC, rounded down
        Assert.Equal(new BigInteger(1_974_316_068), output);
    }

    [Fact]
    public void GetAmountIn_ForThe996_IsTheThousand()
    {
        // Given the output of the previous example
        // When the input needed for 996 is computed (rounded up, +1 as in the library)
        var input = UniswapV2Math.GetAmountIn(996, 1_000_000, 1_000_000);

        // Then it is 1000
        Assert.Equal(new BigInteger(1000), input);
    }

    [Fact]
    public void GetAmountIn_RandomAmounts_AlwaysBuysAtLeastTheOutput()
    {
        // Given random pools and outputs
        var random = SeededRandom.FromSeed(4);
        for (var i = 0; i < 2000; i++)
        {
            var reserveIn = new BigInteger(random.NextUInt64() >> 8) + 1000;
            var reserveOut = new BigInteger(random.NextUInt64() >> 8) + 1000;
            var amountOut = (new BigInteger(random.NextUInt64()) % (reserveOut - 1)) + 1;

            // When the input is computed and swapped
            var amountIn = UniswapV2Math.GetAmountIn(amountOut, reserveIn, reserveOut);

            // Then the pair pays at least the requested output (the library rounds in the pair's favour)
            Assert.True(UniswapV2Math.GetAmountOut(amountIn, reserveIn, reserveOut) >= amountOut);
        }
    }

    [Fact]
    public void GetAmountOut_ZeroInputOrEmptyPool_Throws()
    {
        // Given invalid swaps
        // When / Then they are rejected as the library rejects them
        Assert.Throws<ArgumentOutOfRangeException>(() => UniswapV2Math.GetAmountOut(0, 10, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => UniswapV2Math.GetAmountOut(1, 0, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => UniswapV2Math.GetAmountIn(10, 10, 10));
    }

    [Fact]
    public void Sqrt_RandomValues_IsTheFloorRoot()
    {
        // Given exact squares and random large values
        Assert.Equal(BigInteger.Pow(10, 20), UniswapV2Math.Sqrt(BigInteger.Pow(10, 40)));
        Assert.Equal(BigInteger.Pow(10, 20) - 1, UniswapV2Math.Sqrt(BigInteger.Pow(10, 40) - 1));
        var random = SeededRandom.FromSeed(2);
        for (var i = 0; i < 1000; i++)
        {
            var value = new BigInteger(random.NextUInt64()) * random.NextUInt64() * random.NextUInt64();

            // When the root is taken
            var root = UniswapV2Math.Sqrt(value);

            // Then root^2 <= value < (root + 1)^2
            Assert.True(root * root <= value && value < (root + 1) * (root + 1));
        }
    }

    [Fact]
    public void AmountInToReachRatio_TargetBelowSpot_IsLargestInputNotPassingTarget()
    {
        // Given 1000 WETH / 2,000,000 USDC (price 2000) and a target of 1620 (-19%)
        var reserveIn = 1000 * Eth;
        BigInteger reserveOut = 2_000_000_000_000;
        BigInteger targetNumerator = 1620_000_000;  // USDC base per WETH
        var targetDenominator = Eth;

        // When the input is computed
        var amountIn = UniswapV2Math.AmountInToReachRatio(reserveIn, reserveOut, targetNumerator, targetDenominator);

        // Then selling it keeps the price at or above the target and one more wei would pass it
        Assert.True(RatioAfter(reserveIn, reserveOut, amountIn) >= 1620.0 / 1e12);
        Assert.True(AtOrAbove(reserveIn, reserveOut, amountIn, targetNumerator, targetDenominator));
        Assert.False(AtOrAbove(reserveIn, reserveOut, amountIn + 1, targetNumerator, targetDenominator));

        // And, independently, constant product says price x 0.81 needs reserveIn / 0.9: ~111.1 WETH (+ fee)
        var whole = (double)(amountIn / BigInteger.Pow(10, 15)) / 1000;
        Assert.InRange(whole, 111.11 / 0.9985 * 0.999, 111.12 / 0.997);
    }

    [Fact]
    public void AmountInToReachRatio_AlreadyBelowTarget_IsZero()
    {
        // Given a pool priced 1 and a target of 2
        // When / Then no input is needed
        Assert.Equal(BigInteger.Zero, UniswapV2Math.AmountInToReachRatio(1000, 1000, 2, 1));
    }

    private static double RatioAfter(BigInteger reserveIn, BigInteger reserveOut, BigInteger amountIn) =>
        (double)(reserveOut - UniswapV2Math.GetAmountOut(amountIn, reserveIn, reserveOut)) / (double)(reserveIn + amountIn);

    private static bool AtOrAbove(BigInteger reserveIn, BigInteger reserveOut, BigInteger amountIn, BigInteger n, BigInteger d) =>
        (reserveOut - UniswapV2Math.GetAmountOut(amountIn, reserveIn, reserveOut)) * d >= n * (reserveIn + amountIn);
}
