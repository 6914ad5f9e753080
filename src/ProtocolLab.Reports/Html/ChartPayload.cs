using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ProtocolLab.Reports.Data;
using ProtocolLab.Simulation.Metrics;
using ProtocolLab.Simulation.Results;

namespace ProtocolLab.Reports.Html;

/// <summary>
/// The data the page's script draws, as JSON inside a script element. The default encoder escapes
/// &lt;, &gt;, &amp; and quotes, so no value can close the element; numbers use the results files'
/// shortest round-trip text, so the same inputs give the same bytes.
/// </summary>
public static class ChartPayload
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.Default, Indented = false };

    public static string Build(ReportModel model)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            w.WriteStartObject();
            w.WriteString("collateral", model.CollateralSymbol);
            w.WriteString("loan", model.LoanSymbol);
            w.WritePropertyName("shockBlock");
            WriteNullable(w, model.ShockBlock);
            w.WriteDouble("initialPrice", model.InitialPrice);
            w.WriteDouble("lowestFundamental", model.LowestFundamental);
            WriteSharedFundamental(w, model.SharedFundamental);
            WriteBins(w, model.Bins);
            w.WriteStartArray("designs");
            foreach (var design in model.Designs)
            {
                WriteDesign(w, design, model.Bins);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteSharedFundamental(Utf8JsonWriter w, IReadOnlyList<BlockMetrics>? blocks)
    {
        w.WritePropertyName("sharedFundamental");
        if (blocks is null)
        {
            w.WriteNullValue();
            return;
        }

        w.WriteStartObject();
        Series(w, "block", blocks.Select(b => (double)b.Block));
        Series(w, "price", blocks.Select(b => b.FundamentalPrice));
        w.WriteEndObject();
    }

    private static void WriteBins(Utf8JsonWriter w, HistogramBins bins)
    {
        w.WriteStartObject("bins");
        w.WriteDouble("low", bins.Low);
        w.WriteDouble("high", bins.High);
        w.WriteDouble("width", bins.Width);
        Series(w, "center", Enumerable.Range(0, bins.Count).Select(bins.Center));
        w.WriteEndObject();
    }

    private static void WriteDesign(Utf8JsonWriter w, DesignSeries d, HistogramBins bins)
    {
        w.WriteStartObject();
        w.WriteString("name", d.Name);
        w.WriteNumber("runs", d.Runs);
        Series(w, "block", d.Blocks.Select(b => (double)b.Block));
        Series(w, "fundamental", d.Blocks.Select(b => b.FundamentalPrice));
        Series(w, "pair", d.Blocks.Select(b => b.PairPrice));
        Series(w, "oracle", d.Blocks.Select(b => b.OraclePrice));
        Series(w, "liquidations", d.Blocks.Select(b => (double)b.Liquidations));
        Series(w, "repaid", d.Blocks.Select(b => b.DebtRepaid));
        Series(w, "badDebt", d.Blocks.Select(b => b.BadDebt));
        w.WritePropertyName("band");
        if (d.Band is { } band)
        {
            w.WriteStartObject();
            Series(w, "block", band.Block.Select(b => (double)b));
            Series(w, "low", band.Low);
            Series(w, "high", band.High);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNullValue();
        }

        w.WriteNumber("openStart", d.StartLiquidationPrices.Count);
        w.WriteNumber("openEnd", d.EndLiquidationPrices.Count);
        w.WriteDouble("lowestOracle", d.Blocks.Select(b => b.OraclePrice).Where(double.IsFinite).DefaultIfEmpty(double.NaN).Min());
        Series(w, "mapStart", bins.Tally(d.StartLiquidationPrices).Select(c => (double)c));
        Series(w, "mapEnd", bins.Tally(d.EndLiquidationPrices).Select(c => (double)c));
        w.WriteEndObject();
    }

    private static void Series(Utf8JsonWriter w, string name, IEnumerable<double> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteNumberOrNull(v);
        }

        w.WriteEndArray();
    }

    private static void WriteNullable(Utf8JsonWriter w, int? value)
    {
        if (value is { } v)
        {
            w.WriteNumberValue(v);
        }
        else
        {
            w.WriteNullValue();
        }
    }
}
