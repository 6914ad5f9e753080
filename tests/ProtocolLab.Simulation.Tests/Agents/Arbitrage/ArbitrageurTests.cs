using System.Numerics;
using ProtocolLab.Simulation.Agents;
using ProtocolLab.Simulation.Agents.Arbitrage;
using ProtocolLab.Simulation.Agents.Uniswap;

namespace ProtocolLab.Simulation.Tests.Agents.Arbitrage;

public class ArbitrageurTests
{
    private static readonly MarketUnits Units = new(18, 6);
    private static readonly PoolReserves Pool = new(1000 * BigInteger.Pow(10, 18), 2_000_000_000_000); // 2000 USDC per WETH
    private static readonly BigInteger Plenty = Units.LoanBase(100_000_000);

    [Fact]
    public void Decide_FundamentalBelowPool_SellsCollateralDownToFundamental()
    {
        // Given the outside market at 1800 and ample capital
        // When the arbitrageur decides
        var plan = Arbitrageur.Decide(Pool, 1800, Plenty, Units);

        // Then it sells WETH and the pool ends at 1800 within a millionth (from above, up to double rounding)
        Assert.NotNull(plan);
        Assert.Equal(SwapDirection.SellCollateral, plan.Direction);
        var after = Pool.AfterSwap(plan.Direction, plan.AmountIn).SpotPrice(Units);
        Assert.InRange(after, 1800 * (1 - 1e-12), 1800 * 1.000001);
    }

    [Fact]
    public void Decide_FundamentalAbovePool_BuysCollateralUpToFundamental()
    {
        // Given the outside market at 2200
        // When the arbitrageur decides
        var plan = Arbitrageur.Decide(Pool, 2200, Plenty, Units);

        // Then it buys WETH and the pool ends at 2200 from below
        Assert.NotNull(plan);
        Assert.Equal(SwapDirection.BuyCollateral, plan.Direction);
        var after = Pool.AfterSwap(plan.Direction, plan.AmountIn).SpotPrice(Units);
        Assert.InRange(after, 2200 * 0.999999, 2200 * (1 + 1e-12));
    }

    [Fact]
    public void Decide_SmallCapitalSelling_IsCappedAtCapitalOverFundamental()
    {
        // Given 1000 USDC of capital and the outside market at 1000
        // When the arbitrageur decides
        var plan = Arbitrageur.Decide(Pool, 1000, Units.LoanBase(1000), Units);

        // Then it sells exactly 1 WETH (1000 USDC of value at the fundamental price)
        Assert.Equal(BigInteger.Pow(10, 18), plan!.AmountIn);
    }

    [Fact]
    public void Decide_SmallCapitalBuying_IsCappedAtCapital()
    {
        // Given 1000 USDC of capital and the outside market at 3000
        // When the arbitrageur decides
        var plan = Arbitrageur.Decide(Pool, 3000, Units.LoanBase(1000), Units);

        // Then it spends exactly its capital, and the quote is the pair's
        Assert.Equal(Units.LoanBase(1000), plan!.AmountIn);
        Assert.Equal(UniswapV2Math.GetAmountOut(plan.AmountIn, Pool.Loan, Pool.Collateral), plan.ExpectedAmountOut);
    }

    [Fact]
    public void Decide_PoolAtFundamentalOrNoCapital_DoesNothing()
    {
        // Given a pool already at the fundamental price, then no capital
        // When / Then no trade is planned
        Assert.Null(Arbitrageur.Decide(Pool, 2000, Plenty, Units));
        Assert.Null(Arbitrageur.Decide(Pool, 1500, BigInteger.Zero, Units));
    }
}
