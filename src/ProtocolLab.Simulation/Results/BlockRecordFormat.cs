using System.Globalization;
using System.Text.Json;
using ProtocolLab.Simulation.Metrics;

namespace ProtocolLab.Simulation.Results;

/// <summary>The fixed field order of a block record, shared by the JSON-lines and CSV writers.</summary>
internal static class BlockRecordFormat
{
    public static IReadOnlyList<string> Fields { get; } =
    [
        "block",
        "timestamp",
        "fundamentalPrice",
        "pairPrice",
        "oraclePrice",
        "liquidations",
        "collateralSeized",
        "debtRepaid",
        "badDebt",
        "insuranceDrawn",
        "positionsUnderwater",
        "failedLiquidations",
        "gasUsed",
        "badDebtCollateralShortfall",
        "baseFeeGwei",
        "gasLimit",
        "delayedTransactions",
        "liquidatablePositions",
        "liquidatableDebt",
        "pairLoanReserve",
    ];

    /// <summary>Field values as text, in <see cref="Fields"/> order; null for a non-finite number.</summary>
    public static IReadOnlyList<string?> Values(BlockMetrics b) =>
    [
        b.Block.ToString(CultureInfo.InvariantCulture),
        b.Timestamp.ToString(CultureInfo.InvariantCulture),
        ResultFormat.Number(b.FundamentalPrice),
        ResultFormat.Number(b.PairPrice),
        ResultFormat.Number(b.OraclePrice),
        b.Liquidations.ToString(CultureInfo.InvariantCulture),
        ResultFormat.Number(b.CollateralSeized),
        ResultFormat.Number(b.DebtRepaid),
        ResultFormat.Number(b.BadDebt),
        ResultFormat.Number(b.InsuranceDrawn),
        b.PositionsUnderwater.ToString(CultureInfo.InvariantCulture),
        b.FailedLiquidations.ToString(CultureInfo.InvariantCulture),
        b.GasUsed.ToString(CultureInfo.InvariantCulture),
        ResultFormat.Number(b.BadDebtCollateralShortfall),
        ResultFormat.Number(b.BaseFeeGwei),
        b.GasLimit.ToString(CultureInfo.InvariantCulture),
        b.DelayedTransactions.ToString(CultureInfo.InvariantCulture),
        b.LiquidatablePositions.ToString(CultureInfo.InvariantCulture),
        ResultFormat.Number(b.LiquidatableDebt),
        ResultFormat.Number(b.PairLoanReserve),
    ];

    public static void WriteObject(Utf8JsonWriter writer, BlockMetrics block)
    {
        writer.WriteStartObject();
        var values = Values(block);
        for (var i = 0; i < Fields.Count; i++)
        {
            writer.WritePropertyName(Fields[i]);
            if (values[i] is { } text)
            {
                writer.WriteRawValue(text, skipInputValidation: true);
            }
            else
            {
                writer.WriteNullValue();
            }
        }

        writer.WriteEndObject();
    }
}
