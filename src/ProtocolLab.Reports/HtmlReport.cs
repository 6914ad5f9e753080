using System.Text;
using ProtocolLab.Reports.Data;
using ProtocolLab.Reports.Html;
using ProtocolLab.Simulation.Engine;
using ProtocolLab.Simulation.Runs;
using ProtocolLab.Simulation.Scenarios;

namespace ProtocolLab.Reports;

/// <summary>
/// The self-contained HTML report of a `run` or `compare`: prices, liquidations and bad debt per
/// block, the liquidation map, the summary with confidence intervals, the scenario file and a
/// reproducibility line. chart.js is inlined, so the file makes no network request when opened.
/// The same inputs give the same bytes: nothing of the machine, the clock or absolute paths is written.
/// </summary>
public static class HtmlReport
{
    public const string FileName = "report.html";

    /// <summary>
    /// Writes the report to <paramref name="path"/> (folders created) and returns the full path. Per-block data
    /// comes from each design's run-000 files under <see cref="DesignResult.Directory"/> (and every run, up to
    /// <see cref="DesignSeries.MaxBandRuns"/>, for the oracle band); the scenario text from <see cref="Scenario.SourcePath"/>.
    /// </summary>
    public static string Write(string path, Scenario scenario, IReadOnlyList<DesignResult> results, ReportVersions versions)
    {
        var html = Render(scenario, ReadScenarioText(scenario), results, versions);
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, html, new UTF8Encoding(false));
        return full;
    }

    /// <summary>The report's HTML for the given scenario text (the file as written, shown verbatim).</summary>
    public static string Render(Scenario scenario, string scenarioText, IReadOnlyList<DesignResult> results, ReportVersions versions)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(versions);
        return ReportPage.Render(ReportModel.Load(scenario, scenarioText, results, versions));
    }

    private static string ReadScenarioText(Scenario scenario) =>
        File.Exists(scenario.SourcePath)
            ? Encoding.UTF8.GetString(ScenarioHash.Canonicalize(File.ReadAllBytes(scenario.SourcePath)))
            : $"# the scenario file {scenario.SourcePath} was not found when the report was written\n";
}
