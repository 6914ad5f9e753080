using System.Text;
using ProtocolLab.Simulation.Agents;

namespace ProtocolLab.Simulation.Results;

/// <summary>One position of a snapshot, in whole units: what the liquidation map plots.</summary>
public sealed record PositionRecord(string Borrower, double Collateral, double Debt, double HealthFactor, double LiquidationThreshold)
{
    /// <summary>The oracle price at which the health factor reaches 1; null without debt or collateral.</summary>
    public double? LiquidationPrice => Debt > 0 && Collateral > 0 && LiquidationThreshold > 0
        ? Debt / (Collateral * LiquidationThreshold)
        : null;
}

/// <summary>Writes a positions snapshot as CSV (positions-start.csv before the first block, positions-end.csv after the last).</summary>
public static class PositionsCsvWriter
{
    public const string Header = "borrower,collateral,debt,healthFactor,liquidationThreshold,liquidationPrice";

    public static void Write(string path, IEnumerable<PositionRecord> positions)
    {
        var text = new StringBuilder(Header).Append('\n');
        foreach (var p in positions)
        {
            text.Append(p.Borrower).Append(',')
                .Append(ResultFormat.Number(p.Collateral)).Append(',')
                .Append(ResultFormat.Number(p.Debt)).Append(',')
                .Append(ResultFormat.Number(p.HealthFactor)).Append(',')
                .Append(ResultFormat.Number(p.LiquidationThreshold)).Append(',')
                .Append(p.LiquidationPrice is { } price ? ResultFormat.Number(price) : "")
                .Append('\n');
        }
        File.WriteAllText(path, text.ToString(), new UTF8Encoding(false));
    }

    public static PositionRecord Record(string borrower, System.Numerics.BigInteger collateral, System.Numerics.BigInteger debt, System.Numerics.BigInteger healthFactor, System.Numerics.BigInteger threshold, MarketUnits units) =>
        new(borrower, units.CollateralWhole(collateral), units.LoanWhole(debt),
            debt.IsZero ? double.PositiveInfinity : (double)healthFactor / 1e18, (double)threshold / 1e18);
}
