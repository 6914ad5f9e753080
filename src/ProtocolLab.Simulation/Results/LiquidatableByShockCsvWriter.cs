using System.Globalization;
using System.Text;
using ProtocolLab.Simulation.Metrics;

namespace ProtocolLab.Simulation.Results;

/// <summary>Writes liquidatable-by-shock.csv: the liquidatable-debt curve of the positions at block 0.</summary>
public static class LiquidatableByShockCsvWriter
{
    public const string FileName = "liquidatable-by-shock.csv";
    public const string Header = "shock,positions,debt,debtPercent";

    public static void Write(string path, IReadOnlyList<LiquidatableAtShock> rows)
    {
        var text = new StringBuilder(Header).Append('\n');
        foreach (var r in rows)
        {
            text.Append(ResultFormat.Number(r.Shock)).Append(',')
                .Append(r.Positions.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(ResultFormat.Number(r.Debt)).Append(',')
                .Append(ResultFormat.Number(r.DebtPercent))
                .Append('\n');
        }
        File.WriteAllText(path, text.ToString(), new UTF8Encoding(false));
    }
}
