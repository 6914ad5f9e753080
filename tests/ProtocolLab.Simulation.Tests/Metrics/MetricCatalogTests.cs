using ProtocolLab.Simulation.Metrics;
using ProtocolLab.Simulation.Options;

namespace ProtocolLab.Simulation.Tests.Metrics;

public class MetricCatalogTests
{
    [Fact]
    public void All_NamesAreUnique()
    {
        Assert.Equal(MetricCatalog.Names.Count, MetricCatalog.Names.Distinct().Count());
    }

    [Theory]
    [InlineData(MetricScope.Every)]
    [InlineData(MetricScope.Debt)]
    [InlineData(MetricScope.Options)]
    [InlineData(MetricScope.LiquidityProviders)]
    public void MarkdownRows_AreTheResultsSchemasRows(MetricScope scope)
    {
        // Given docs/results-schema.md
        var doc = File.ReadAllLines(Path.Combine(RepoPaths.Root, "docs", "results-schema.md"));

        // When the catalog renders its rows, then each is a line of the document, as the catalog words it
        foreach (var row in MetricCatalog.MarkdownRows(scope))
            Assert.Contains(row, doc);
    }

    [Fact]
    public void OptionRunSummary_NamesAreCatalogedOptionsMetrics()
    {
        foreach (var name in OptionRunSummary.Names)
            Assert.Equal(MetricScope.Options, MetricCatalog.Find(name)?.Scope);
    }

    [Fact]
    public void Of_LendingRuns_HasTheCoreMetricsAndWhatTheRunsMeasured()
    {
        // Given two runs that measured the lag metrics (one of them undefined)
        var run = new RunSummary(0, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0.3, 0.3, 1, 0, 0)
        {
            Measured = new Dictionary<string, double?> { ["sameBlockLiquidationShare"] = 0.5, ["meanLiquidationLagBlocks"] = null },
        };

        // When the catalog picks their metrics
        var names = MetricCatalog.Of([run, run]).Select(m => m.Name).ToList();

        // Then every core metric, then those two, in catalog order, and no options metric
        var core = MetricCatalog.All.Where(m => m.Scope == MetricScope.Every).Select(m => m.Name);
        Assert.Equal([.. core, "sameBlockLiquidationShare", "meanLiquidationLagBlocks"], names);
        Assert.Equal(0.5, MetricCatalog.Find("sameBlockLiquidationShare")!.Value(run));
        Assert.Null(MetricCatalog.Find("meanLiquidationLagBlocks")!.Value(run));
    }
}
