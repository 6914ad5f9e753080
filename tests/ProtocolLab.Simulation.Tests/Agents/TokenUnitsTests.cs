using System.Numerics;
using ProtocolLab.Simulation.Agents;

namespace ProtocolLab.Simulation.Tests.Agents;

public class TokenUnitsTests
{
    [Theory]
    [InlineData(0.1, 18, "100000000000000000")]
    [InlineData(1.5, 6, "1500000")]
    [InlineData(2_000_000, 6, "2000000000000")]
    [InlineData(123.456789123, 6, "123456789")]
    [InlineData(1e-7, 6, "0")]
    [InlineData(1e21, 0, "1000000000000000000000")]
    public void ToBaseUnits_DecimalText_IsExactAndTruncates(double amount, int decimals, string expected)
    {
        // Given an amount written in decimal in the scenario
        // When converted to base units
        var result = TokenUnits.ToBaseUnits(amount, decimals);

        // Then the decimal digits are kept exactly, sub-unit remainders cut off
        Assert.Equal(BigInteger.Parse(expected), result);
    }

    [Theory]
    [InlineData("1500000", 6, 1.5)]
    [InlineData("1", 18, 1e-18)]
    [InlineData("-25", 1, -2.5)]
    public void ToWhole_BaseUnits_IsNearestDouble(string amount, int decimals, double expected)
    {
        // Given base units
        // When converted to whole tokens
        // Then the result is the decimal value
        Assert.Equal(expected, TokenUnits.ToWhole(BigInteger.Parse(amount), decimals));
    }

    [Fact]
    public void CollateralToLoan_OneEthAt2000_Is2000Usdc()
    {
        // Given WETH (18) and USDC (6)
        var units = new MarketUnits(18, 6);

        // When 1 WETH is valued at 2000, and 2000 USDC converted back
        // Then both directions are exact
        Assert.Equal(new BigInteger(2_000_000_000), units.CollateralToLoan(BigInteger.Pow(10, 18), 2000));
        Assert.Equal(BigInteger.Pow(10, 18), units.LoanToCollateral(2_000_000_000, 2000));
    }
}
