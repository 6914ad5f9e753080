using System.Numerics;
using ProtocolLab.Protocols.Markets;

namespace ProtocolLab.Protocols.Tests.Support;

/// <summary>The world the debt protocols' kit tests deploy under their protocol.</summary>
internal static class TestMarkets
{
    private static readonly BigInteger Weth = BigInteger.Pow(10, 18);
    private static readonly BigInteger Usdc = BigInteger.Pow(10, 6);

    /// <summary>WETH (18 decimals) and USDC (6) in a pair of 1,000 WETH and 2,000,000 USDC: 2,000 USDC a WETH.</summary>
    public static PairMarketOptions WethUsdc(BigInteger initialAnswer, BigInteger lenderSupply) => new()
    {
        Collateral = new TokenConfig("Wrapped Ether", "WETH", 18),
        Loan = new TokenConfig("USD Coin", "USDC", 6),
        PairCollateralReserve = 1_000 * Weth,
        PairLoanReserve = 2_000_000 * Usdc,
        InitialAnswer = initialAnswer,
        LenderSupply = lenderSupply,
    };
}
