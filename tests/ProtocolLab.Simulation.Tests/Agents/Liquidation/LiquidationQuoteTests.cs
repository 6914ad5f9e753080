using System.Numerics;
using ProtocolLab.Simulation.Agents;
using ProtocolLab.Simulation.Agents.Liquidation;

namespace ProtocolLab.Simulation.Tests.Agents.Liquidation;

public class LiquidationQuoteTests
{
    private static readonly MarketUnits Units = new(18, 6);
    private static readonly BigInteger Eth = BigInteger.Pow(10, 18);

    // 10 WETH against 16,000 USDC at an oracle price of 1900: HF = 19,000 x 0.8 / 16,000 = 0.95.
    private static readonly PositionSnapshot Position = new(1, 10 * Eth, 16_000_000_000, 0.95);
    private static readonly BigInteger NoLimit = BigInteger.Pow(10, 30);

    [Fact]
    public void For_PartialLiquidation_RepaysCloseFactorAndSeizesWithBonus()
    {
        // Given close factor 50% and bonus 5%
        var terms = new LiquidationTerms(0.5, 0.05, BigInteger.Zero);

        // When quoted
        var quote = LiquidationQuote.For(Position, terms, 1900, NoLimit, Units);

        // Then 8,000 USDC is repaid for 8,400 / 1900 = 4.421052631578947368 WETH (rounded down)
        Assert.Equal(new BigInteger(8_000_000_000), quote.Repay);
        Assert.Equal(BigInteger.Parse("4421052631578947368"), quote.Seize);
    }

    [Fact]
    public void For_SmallBudget_RepaysOnlyTheBudget()
    {
        // Given only 1,000 USDC to spend
        var terms = new LiquidationTerms(0.5, 0.05, BigInteger.Zero);

        // When quoted
        var quote = LiquidationQuote.For(Position, terms, 1900, 1_000_000_000, Units);

        // Then 1,000 is repaid for 1,050 / 1900 WETH
        Assert.Equal(new BigInteger(1_000_000_000), quote.Repay);
        Assert.Equal(Units.LoanToCollateral(1_050_000_000, 1900), quote.Seize);
    }

    [Fact]
    public void For_RemainderBelowDust_RepaysTheWholeDebt()
    {
        // Given a dust threshold of 10,000 USDC: leaving 8,000 would be dust
        var terms = new LiquidationTerms(0.5, 0.05, 10_000_000_000);

        // When quoted
        var quote = LiquidationQuote.For(Position, terms, 1900, NoLimit, Units);

        // Then the whole 16,000 is repaid
        Assert.Equal(new BigInteger(16_000_000_000), quote.Repay);
    }

    [Fact]
    public void For_CollateralShort_SeizesAllAndShrinksRepay()
    {
        // Given the price at 1000: 10 WETH are worth 10,000 against 16,000 of debt, close factor 100%
        var terms = new LiquidationTerms(1.0, 0.05, BigInteger.Zero);

        // When quoted
        var quote = LiquidationQuote.For(Position with { HealthFactor = 0.5 }, terms, 1000, NoLimit, Units);

        // Then all 10 WETH go for 10,000 / 1.05 = 9,523.809523 USDC; the rest becomes bad debt
        Assert.Equal(10 * Eth, quote.Seize);
        Assert.Equal(new BigInteger(9_523_809_523), quote.Repay);
    }
}
