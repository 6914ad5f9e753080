using System.Numerics;
using ProtocolLab.Simulation.Scenarios;

namespace ProtocolLab.Simulation.Agents.Liquidation;

/// <summary>The priority fee (wei per gas) a liquidator tips to win the race for a liquidation.</summary>
public interface IGasBidStrategy
{
    BigInteger PriorityFeeWei(BigInteger grossProfitInLoan, GasMarket gas, MarketUnits units);
}

/// <summary>The same tip on every transaction.</summary>
public sealed class FixedGasBid(BigInteger priorityFeeWei) : IGasBidStrategy
{
    public BigInteger PriorityFeeWei(BigInteger grossProfitInLoan, GasMarket gas, MarketUnits units) => priorityFeeWei;
}

/// <summary>
/// Tips a share of the expected profit before gas: priority fee per gas =
/// share x profit (in wei) / gas per liquidation. Competing bots that bid this way hand the
/// block builder most of the liquidation bonus, as on mainnet.
/// </summary>
public sealed class ProportionalGasBid(double shareOfProfit) : IGasBidStrategy
{
    public BigInteger PriorityFeeWei(BigInteger grossProfitInLoan, GasMarket gas, MarketUnits units)
    {
        if (grossProfitInLoan.Sign <= 0 || gas.GasPerLiquidation <= 0)
        {
            return BigInteger.Zero;
        }

        var shareWei = gas.LoanToWei(grossProfitInLoan, units) * new BigInteger(Math.Round(shareOfProfit * 1_000_000)) / 1_000_000;
        return shareWei / gas.GasPerLiquidation;
    }
}

public static class GasBidStrategies
{
    /// <summary>1 gwei = 10^9 wei.</summary>
    private const int GweiDecimals = 9;

    public static IGasBidStrategy FromSpec(GasBidSpec spec) => spec switch
    {
        ProportionalGasBidSpec proportional => new ProportionalGasBid(proportional.ShareOfProfit),
        FixedGasBidSpec fixedBid => new FixedGasBid(TokenUnits.ToBaseUnits(fixedBid.PriorityFeeGwei, GweiDecimals)),
        _ => throw new ArgumentException($"Unknown gas bid {spec.GetType().Name}.", nameof(spec)),
    };
}
