using System.Globalization;
using ProtocolLab.Simulation.Metrics;

namespace ProtocolLab.Simulation.Engine;

/// <summary>
/// Worlds that turned out degenerate: valid field by field (impossible ones are refused when the
/// scenario is read, Scenarios/WorldChecks), yet their runs measured nothing, so every budget would
/// pass vacuously. Each finding is one sentence, recorded in summary.json ("warnings") and shown by
/// the CLI; `check` fails on them unless --allow-warnings.
/// </summary>
internal static class RunDiagnostics
{
    /// <summary>A fundamental fall below this is no crash to miss.</summary>
    private const double MinCrash = 0.05;

    /// <summary>An oracle that fell less than this share of the fundamental's fall did not see it.</summary>
    private const double MinOracleShare = 0.25;

    public static IReadOnlyList<string> Warnings(IReadOnlyList<RunSummary> runs)
    {
        var warnings = new List<string>();
        for (var i = 0; i < runs.Count; i++)
        {
            var run = runs[i];
            if (run.GasUsed == 0)
            {
                warnings.Add($"run {i}: no transaction was mined in any block (0 gas): nothing traded, so every metric is vacuous "
                    + "(is the pair deep enough, are there agents with capital?)");
            }
            if (run.MaxFundamentalDrawdown >= MinCrash && run.MaxOracleDrawdown < MinOracleShare * run.MaxFundamentalDrawdown)
            {
                warnings.Add($"run {i}: the price path fell {Percent(run.MaxFundamentalDrawdown)} but the oracle at most {Percent(run.MaxOracleDrawdown)}: "
                    + "the oracle never saw the crash (a pair-reading oracle needs arbitrage capital to follow the price path)");
            }
        }
        return warnings;
    }

    private static string Percent(double fraction) => (fraction * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";
}
