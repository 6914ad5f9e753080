using System.Globalization;
using System.Text;
using ProtocolLab.Reports.Data;
using ProtocolLab.Simulation.Scenarios;

namespace ProtocolLab.Reports.Html;

/// <summary>
/// The page: header, reproducibility line, the three charts (each with a sentence on how a cascade
/// looks in it), the summary table and the scenario file. Everything is inline and a content security
/// policy forbids any fetch, so the file opens offline and shows the same thing everywhere.
/// </summary>
public static class ReportPage
{
    private const string Policy = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:";

    public static string Render(ReportModel model)
    {
        var s = model.Scenario;
        var title = $"{s.Name}: {string.Join(" vs ", model.Designs.Select(d => d.Name))}";
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"").Append(Policy).Append("\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>ProtocolLab report: ").Append(Html.Escape(title)).Append("</title>\n")
            .Append("<style>\n").Append(EmbeddedAssets.Stylesheet).Append("</style>\n</head>\n<body>\n<main>\n");

        html.Append("<header>\n<p class=\"eyebrow\">ProtocolLab liquidation-cascade report</p>\n")
            .Append("<h1>").Append(Html.Escape(title)).Append("</h1>\n");
        if (s.Description.Length > 0)
        {
            html.Append("<p class=\"lead\">").Append(Html.Escape(s.Description)).Append("</p>\n");
        }

        html.Append(Facts(model)).Append(Reproducibility(model)).Append("</header>\n");

        Section(html, "prices", "Prices over blocks",
            "Fundamental is the scenario's price path, pair is the Uniswap V2 pool that liquidators sell into, and oracle is the price the lending market acts on; "
            + "in a cascade the pair and oracle keep falling below the fundamental after the shock, because forced selling outruns the arbitrageur.",
            "<div class=\"chart tall\"><canvas id=\"chart-prices\" role=\"img\" aria-label=\"Prices over blocks\"></canvas></div>\n");
        Section(html, "liquidations", "Liquidations and bad debt per block",
            "Each bar is the debt a block closed, repaid by liquidators (light) or written off as bad debt (dark); "
            + "a cascade shows as a train of bars after the shock line rather than one bar, and dark bars mean collateral no longer covered the debt.",
            "<div class=\"chart\"><canvas id=\"chart-liquidations\" role=\"img\" aria-label=\"Liquidations and bad debt per block\"></canvas></div>\n");
        Section(html, "liquidation-map", "Liquidation map",
            "Open positions counted by the oracle price at which they become liquidatable, before the run (light) and after it (dark); "
            + "everything right of the shocked price is liquidatable, so a tall cluster there is a liquidation cliff, and the after bars show what survived.",
            MapPanels(model));
        Section(html, "summary", "Summary",
            model.Results.Any(r => r.Runs.Count > 1)
                ? "Mean over runs with the 95% confidence interval of the mean (Student t); designs ran on identical seeds, so differences come from the margin design."
                : "One run per design on identical seeds, so differences come from the margin design; give the scenario several runs for confidence intervals.",
            SummaryTable.Render(model.Results, model.CollateralSymbol, model.LoanSymbol));
        Section(html, "scenario", "Scenario parameters",
            $"The scenario file {Html.Escape(Path.GetFileName(s.SourcePath))} as it was run; its SHA-256 is on the reproducibility line.",
            "<pre class=\"yaml\">" + ScenarioText.Render(model.ScenarioText) + "</pre>\n");

        html.Append("</main>\n<script type=\"application/json\" id=\"report-data\">")
            .Append(ChartPayload.Build(model)).Append("</script>\n")
            .Append("<script>\n").Append(EmbeddedAssets.ChartLibrary).Append("</script>\n")
            .Append("<script>\n").Append(EmbeddedAssets.Script).Append("</script>\n")
            .Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static void Section(StringBuilder html, string id, string title, string explanation, string body) =>
        html.Append("<section id=\"").Append(id).Append("\">\n<h2>").Append(Html.Escape(title)).Append("</h2>\n")
            .Append("<p class=\"explain\">").Append(explanation).Append("</p>\n").Append(body).Append("</section>\n");

    private static string MapPanels(ReportModel model)
    {
        var html = new StringBuilder("<div class=\"panels\">\n");
        for (var i = 0; i < model.Designs.Count; i++)
        {
            var name = Html.Escape(model.Designs[i].Name);
            html.Append("<figure class=\"panel\"><figcaption>").Append(name).Append("</figcaption>")
                .Append("<div class=\"chart short\"><canvas id=\"chart-map-").Append(i.ToString(CultureInfo.InvariantCulture))
                .Append("\" role=\"img\" aria-label=\"Liquidation map of ").Append(name).Append("\"></canvas></div></figure>\n");
        }

        return html.Append("</div>\n").ToString();
    }

    private static string Facts(ReportModel model)
    {
        var s = model.Scenario;
        var facts = new (string Label, string Value)[]
        {
            ("Market", $"{s.Market.Collateral.Symbol}/{s.Market.Loan.Symbol} at {s.Market.InitialPrice.ToString("#,0.##", CultureInfo.InvariantCulture)}"),
            ("Price path", PathName(s.PricePath)),
            ("Oracle", s.Oracle.Mode.ToString().ToLowerInvariant()),
            ("Borrowers", s.Population.Borrowers.ToString(CultureInfo.InvariantCulture)),
            ("Blocks", $"{s.Blocks.ToString(CultureInfo.InvariantCulture)} x {s.BlockTimeSeconds.ToString(CultureInfo.InvariantCulture)} s"),
            ("Runs per design", RunsPerDesign(model)),
        };
        var html = new StringBuilder("<dl class=\"facts\">\n");
        foreach (var (label, value) in facts)
        {
            html.Append("<div><dt>").Append(Html.Escape(label)).Append("</dt><dd>").Append(Html.Escape(value)).Append("</dd></div>\n");
        }

        return html.Append("</dl>\n").ToString();
    }

    /// <summary>The runs the results hold (a run cut short by --runs or an interruption may differ from the file).</summary>
    private static string RunsPerDesign(ReportModel model)
    {
        var counts = model.Results.Select(r => r.Runs.Count).Distinct().Order().ToList();
        return counts.Count == 0
            ? model.Scenario.Runs.ToString(CultureInfo.InvariantCulture)
            : string.Join(" to ", counts.Select(c => c.ToString(CultureInfo.InvariantCulture)));
    }

    private static string PathName(PricePathSpec path) => path switch
    {
        StepPathSpec step =>
            $"step of -{(step.Drop * 100).ToString("0.##", CultureInfo.InvariantCulture)}% at block {step.AtBlock.ToString(CultureInfo.InvariantCulture)}",
        PiecewisePathSpec => "piecewise linear",
        GbmPathSpec => "geometric Brownian motion",
        JumpPathSpec => "jump diffusion",
        CsvPathSpec csv => $"replay of {Path.GetFileName(csv.File)}",
        _ => path.GetType().Name,
    };

    private static string Reproducibility(ReportModel model)
    {
        var s = model.Scenario;
        var parts = new[]
        {
            $"seed <code>{s.Seed.ToString(CultureInfo.InvariantCulture)}</code>",
            $"scenario sha256 <code>{Html.Escape(s.Hash)}</code>",
            $"protocollab <code>{Html.Escape(model.Versions.Tool)}</code>",
            $"contracts <code>{Html.Escape(model.Versions.Contracts)}</code>",
            $"chart.js <code>{Html.Escape(EmbeddedAssets.ChartLibraryVersion)}</code>",
        };
        return "<p class=\"repro\" id=\"reproducibility\"><strong>Reproduce:</strong> " + string.Join(" \u00b7 ", parts) + "</p>\n";
    }
}
