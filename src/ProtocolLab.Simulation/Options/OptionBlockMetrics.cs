using System.Text;
using System.Text.Json;

namespace ProtocolLab.Simulation.Options;

/// <summary>
/// What an options run adds to a block's <see cref="Metrics.BlockMetrics"/> (written to
/// options-blocks.jsonl next to blocks.jsonl). Amounts whole units; counted for this block only.
/// </summary>
/// <param name="OptionLiquidations">Successful OptionVault.liquidate calls.</param>
/// <param name="OptionsLiquidated">Options closed by them.</param>
/// <param name="HedgeVolume">Underlying the hedgers traded on the pair, both ways.</param>
/// <param name="HedgeSold">Of it, underlying sold (pushing the price down).</param>
/// <param name="VaultShortfall">Shortfall recorded as series bad debt, valued in the loan asset at the oracle price.</param>
/// <param name="Volatility">The volatility source's answer at the end of the block (annualized).</param>
/// <param name="ImpliedVolatility">What the keeper set for this block.</param>
public sealed record OptionBlockMetrics(
    int Block,
    int OptionLiquidations,
    double OptionsLiquidated,
    double HedgeVolume,
    double HedgeSold,
    double VaultShortfall,
    double Volatility,
    double ImpliedVolatility);

/// <summary>One OptionLiquidated event: option amount WAD, collateral and shortfall in the series' collateral base units.</summary>
public sealed record OptionLiquidationRecord(int Block, Chain.Hex.Address Writer, Chain.Hex.Address Liquidator, int SeriesId, System.Numerics.BigInteger Amount, System.Numerics.BigInteger CollateralSeized, System.Numerics.BigInteger Shortfall)
{
    public const string CsvHeader = "block,writer,liquidator,seriesId,amountWad,collateralSeized,shortfall";

    public string ToCsv() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Block},{Writer},{Liquidator},{SeriesId},{Amount},{CollateralSeized},{Shortfall}");
}

/// <summary>Run-level option metrics, named as in the comparison table.</summary>
public sealed record OptionRunSummary(int OptionLiquidations, double HedgeVolume, double PeakHedgeVolumePerBlock, double HedgeSold, double VaultShortfall)
{
    public static IReadOnlyList<string> Names { get; } = ["optionLiquidations", "hedgeVolume", "peakHedgeVolumePerBlock", "hedgeSold", "vaultShortfall"];

    public IReadOnlyList<double?> Values => [OptionLiquidations, HedgeVolume, PeakHedgeVolumePerBlock, HedgeSold, VaultShortfall];

    public static OptionRunSummary Of(IReadOnlyList<OptionBlockMetrics> blocks) => new(
        blocks.Sum(b => b.OptionLiquidations),
        blocks.Sum(b => b.HedgeVolume),
        blocks.Count == 0 ? 0 : blocks.Max(b => b.HedgeVolume),
        blocks.Sum(b => b.HedgeSold),
        blocks.Sum(b => b.VaultShortfall));
}

/// <summary>One JSON object per line, fields in record order, shortest round-trip numbers: byte-identical on replay.</summary>
public sealed class OptionBlockJsonLinesWriter(string path) : IDisposable
{
    private readonly StreamWriter _writer = new(path, false, new UTF8Encoding(false)) { NewLine = "\n" };

    public void Append(OptionBlockMetrics b)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("block", b.Block);
            json.WriteNumber("optionLiquidations", b.OptionLiquidations);
            json.WriteNumber("optionsLiquidated", b.OptionsLiquidated);
            json.WriteNumber("hedgeVolume", b.HedgeVolume);
            json.WriteNumber("hedgeSold", b.HedgeSold);
            json.WriteNumber("vaultShortfall", b.VaultShortfall);
            json.WriteNumber("volatility", b.Volatility);
            json.WriteNumber("impliedVolatility", b.ImpliedVolatility);
            json.WriteEndObject();
        }
        _writer.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
        _writer.Flush();
    }

    public void Dispose() => _writer.Dispose();
}
