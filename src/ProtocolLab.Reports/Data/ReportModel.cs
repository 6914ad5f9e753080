using ProtocolLab.Simulation.Engine;
using ProtocolLab.Simulation.Metrics;
using ProtocolLab.Simulation.Runs;
using ProtocolLab.Simulation.Scenarios;

namespace ProtocolLab.Reports.Data;

/// <summary>Everything the page shows, read and derived once: the HTML and the chart data are pure functions of it.</summary>
public sealed record ReportModel(
    Scenario Scenario,
    string ScenarioText,
    IReadOnlyList<DesignResult> Results,
    IReadOnlyList<DesignSeries> Designs,
    IReadOnlyList<BlockMetrics>? SharedFundamental,
    int? ShockBlock,
    double LowestFundamental,
    HistogramBins Bins,
    ReportVersions Versions)
{
    public string CollateralSymbol => Scenario.Market.Collateral.Symbol;

    public string LoanSymbol => Scenario.Market.Loan.Symbol;

    public double InitialPrice => Scenario.Market.InitialPrice;

    public static ReportModel Load(Scenario scenario, string scenarioText, IReadOnlyList<DesignResult> results, ReportVersions versions)
    {
        var designs = results.Select(DesignSeries.Load).ToList();
        var lowest = designs.SelectMany(d => d.Blocks).Select(b => b.FundamentalPrice).Where(double.IsFinite).DefaultIfEmpty(double.NaN).Min();
        var marks = new[] { scenario.Market.InitialPrice, lowest };
        var bins = HistogramBins.Cover(
            designs.SelectMany(d => d.StartLiquidationPrices.Concat(d.EndLiquidationPrices)),
            marks,
            cap: 2 * scenario.Market.InitialPrice);
        var shock = results.SelectMany(r => r.Runs.Take(1)).Select(r => (int?)r.ShockBlock).FirstOrDefault();
        return new ReportModel(scenario, scenarioText, results, designs, SharedFundamentalOf(designs), shock, lowest, bins, versions);
    }

    /// <summary>Designs run on identical seeds share one fundamental path: then it is drawn once, in grey.</summary>
    private static IReadOnlyList<BlockMetrics>? SharedFundamentalOf(IReadOnlyList<DesignSeries> designs)
    {
        if (designs.Count < 2 || designs[0].Blocks.Count == 0)
        {
            return null;
        }

        var first = designs[0].Blocks;
        var same = designs.All(d => d.Blocks.Count == first.Count
            && d.Blocks.Zip(first).All(p => p.First.Block == p.Second.Block && p.First.FundamentalPrice.Equals(p.Second.FundamentalPrice)));
        return same ? first : null;
    }
}
