using System.Globalization;

namespace ProtocolLab.Simulation.Results;

/// <summary>
/// The margin model's state at the end of one block, as the protocol holds it on chain. Fractions are
/// WAD read as numbers (0.8 = 80%); null where the model has no such quantity (a fixed model has no
/// volatility and no target).
/// </summary>
/// <param name="Threshold">The liquidation threshold in force, before any per-position depth haircut.</param>
/// <param name="Bonus">The liquidation bonus in force.</param>
/// <param name="TargetThreshold">The threshold the model's volatility asks for; the one in force walks toward it.</param>
/// <param name="TargetBonus">The bonus the volatility asks for.</param>
/// <param name="Volatility">The model's volatility estimate: EWMA sigma of the oracle's per-round returns.</param>
/// <param name="Depth">The model's estimate of the pair's loan-side depth, whole loan units.</param>
/// <param name="InsuranceFund">The insurance fund's balance, whole loan units.</param>
/// <param name="SocializedLoss">Bad debt socialized to lenders so far (the fund could not cover it), whole loan units.</param>
internal sealed record MarginStateRecord(
    int Block,
    double Threshold,
    double Bonus,
    double CloseFactor,
    double? TargetThreshold,
    double? TargetBonus,
    double? Volatility,
    double? Depth,
    double? InsuranceFund,
    double? SocializedLoss)
{
    /// <summary>Whether the circuit breaker pauses liquidations at this block's number; null without a breaker.</summary>
    public bool? LiquidationsPaused { get; init; }

    /// <summary>Blocks the circuit breaker has tripped in so far; null without a breaker.</summary>
    public int? BreakerTrips { get; init; }
}

/// <summary>Writes margin-state.csv: one row per block, flushed as each block completes; empty cells where a value is null.</summary>
internal sealed class MarginStateCsvWriter : IDisposable
{
    public const string FileName = "margin-state.csv";

    public const string Header = "block,threshold,bonus,closeFactor,targetThreshold,targetBonus,volatility,depth,insuranceFund,socializedLoss,liquidationsPaused,breakerTrips";

    private readonly CsvFile _file;

    private MarginStateCsvWriter(string path) => _file = CsvFile.Create(path, Header);

    public static MarginStateCsvWriter Create(string path) => new(path);

    public void Append(MarginStateRecord r)
    {
        _file.Row([
            r.Block.ToString(CultureInfo.InvariantCulture),
            ResultFormat.Number(r.Threshold), ResultFormat.Number(r.Bonus), ResultFormat.Number(r.CloseFactor),
            Cell(r.TargetThreshold), Cell(r.TargetBonus), Cell(r.Volatility), Cell(r.Depth), Cell(r.InsuranceFund), Cell(r.SocializedLoss),
            r.LiquidationsPaused is { } paused ? (paused ? "true" : "false") : null,
            r.BreakerTrips?.ToString(CultureInfo.InvariantCulture)]);
        _file.Flush();
    }

    public void Dispose() => _file.Dispose();

    private static string? Cell(double? value) => value is { } v ? ResultFormat.Number(v) : null;
}
