using System.Globalization;
using System.Text;
using ProtocolLab.Simulation.Engine;
using ProtocolLab.Simulation.Metrics;
using ProtocolLab.Simulation.Runs;

namespace ProtocolLab.Reports.Html;

/// <summary>The summary metrics, one row per metric and one column per design: the mean, and the 95% CI of the mean when there are several runs.</summary>
public static class SummaryTable
{
    public static string Render(IReadOnlyList<DesignResult> results, string collateral, string loan)
    {
        var html = new StringBuilder();
        html.Append("<table class=\"summary\">\n<thead><tr><th scope=\"col\">Metric</th>");
        foreach (var r in results)
        {
            var runs = r.Runs.Count == 1 ? "1 run" : $"{r.Runs.Count.ToString(CultureInfo.InvariantCulture)} runs";
            html.Append("<th scope=\"col\">").Append(Html.Escape(r.Design.Name))
                .Append("<span class=\"sub\">").Append(runs).Append("</span></th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        var names = results.SelectMany(r => r.Statistics.Select(s => s.Metric)).Distinct().ToList();
        foreach (var name in names)
        {
            var (label, unit) = MetricCatalog.Find(name) is { } known ? (known.Label, known.Unit) : (name, MetricUnit.Count);
            html.Append("<tr><th scope=\"row\">").Append(Html.Escape(label));
            var suffix = UnitLabel(unit, collateral, loan);
            if (suffix.Length > 0)
            {
                html.Append(" <span class=\"unit\">").Append(Html.Escape(suffix)).Append("</span>");
            }

            html.Append("</th>");
            var baseline = results[0].Statistics.FirstOrDefault(s => s.Metric == name);
            for (var i = 0; i < results.Count; i++)
            {
                var statistics = results[i].Statistics.FirstOrDefault(s => s.Metric == name);
                html.Append("<td>").Append(Cell(statistics, unit));
                if (i > 0)
                {
                    html.Append(Change(statistics, baseline, results[0].Design.Name));
                }

                html.Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
        return html.ToString();
    }

    private static string Cell(MetricStatistics? s, MetricUnit unit)
    {
        if (s is null || s.Count == 0 || !double.IsFinite(s.Mean))
        {
            return "<span class=\"na\">n/a</span>";
        }

        var mean = Format(s.Mean, unit);
        if (s.Count < 2)
        {
            return mean;
        }

        return $"{mean}<span class=\"ci\">95% CI {Format(s.ConfidenceLow, unit)} to {Format(s.ConfidenceHigh, unit)}</span>";
    }

    /// <summary>Relative change of the mean against the first design, the comparison a reader of `compare` makes first.</summary>
    private static string Change(MetricStatistics? s, MetricStatistics? baseline, string baselineName)
    {
        if (s is null || baseline is null || s.Count == 0 || baseline.Count == 0 || !double.IsFinite(s.Mean) || !double.IsFinite(baseline.Mean))
        {
            return "";
        }

        if (s.Mean != baseline.Mean && baseline.Mean == 0)
        {
            return "";
        }

        var text = s.Mean == baseline.Mean
            ? "same as"
            : ((s.Mean - baseline.Mean) / Math.Abs(baseline.Mean) * 100).ToString("+0.#;\u22120.#;0", CultureInfo.InvariantCulture) + "% vs";
        return $"<span class=\"delta\">{text} {Html.Escape(baselineName)}</span>";
    }

    private static string Format(double value, MetricUnit unit) => unit switch
    {
        MetricUnit.Fraction => (value * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%",
        MetricUnit.Percent => value.ToString("0.00", CultureInfo.InvariantCulture) + "%",
        MetricUnit.Ratio => value.ToString("0.00", CultureInfo.InvariantCulture) + "\u00d7",
        MetricUnit.Collateral => value.ToString(Math.Abs(value) >= 1000 ? "#,0" : "#,0.###", CultureInfo.InvariantCulture),
        MetricUnit.Loan => value.ToString(Math.Abs(value) >= 1000 ? "#,0" : "#,0.##", CultureInfo.InvariantCulture),
        _ => value.ToString(value == Math.Round(value) ? "#,0" : "#,0.0", CultureInfo.InvariantCulture),
    };

    private static string UnitLabel(MetricUnit unit, string collateral, string loan) => unit switch
    {
        MetricUnit.Collateral => collateral,
        MetricUnit.Loan => loan,
        MetricUnit.Blocks => "blocks",
        _ => "",
    };
}
