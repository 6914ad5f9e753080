using ProtocolLab.Reports.Html;
using ProtocolLab.Reports.Tests.Support;

namespace ProtocolLab.Reports.Tests.Html;

public sealed class SummaryTableTests
{
    [Fact]
    public void Render_OneRun_ShowsValuesWithoutIntervals()
    {
        // Given
        using var fixture = SyntheticResults.Create(runs: 1);

        // When
        var html = SummaryTable.Render(fixture.Results, "WETH", "USDC");

        // Then
        Assert.Contains("<th scope=\"col\">fixed<span class=\"sub\">1 run</span></th>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\">dynamic<span class=\"sub\">1 run</span></th>", html, StringComparison.Ordinal);
        Assert.Contains("Bad debt <span class=\"unit\">USDC</span>", html, StringComparison.Ordinal);
        Assert.Contains("Max fundamental drawdown</th><td>30.0%</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("95% CI", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_SeveralRuns_ShowsTheConfidenceIntervalOfEveryMetric()
    {
        // Given
        using var fixture = SyntheticResults.Create(runs: 4);

        // When
        var html = SummaryTable.Render(fixture.Results, "WETH", "USDC");

        // Then: one interval per metric and design
        var metrics = fixture.Results[0].Statistics.Count;
        Assert.Contains("4 runs", html, StringComparison.Ordinal);
        Assert.Equal(metrics * fixture.Results.Count, CountOf(html, "<span class=\"ci\">95% CI "));
    }

    [Fact]
    public void Render_UndefinedMetric_ShowsNotAvailable()
    {
        // Given: a run whose fundamental never fell, so the amplification ratio is undefined
        using var fixture = SyntheticResults.Create();
        var design = fixture.Results[0] with
        {
            Statistics = [.. fixture.Results[0].Statistics.Select(s => s.Metric == "amplificationRatio" ? s with { Count = 0, Mean = double.NaN } : s)],
        };

        // When
        var html = SummaryTable.Render([design], "WETH", "USDC");

        // Then
        Assert.Contains("Amplification (oracle / fundamental drawdown)</th><td><span class=\"na\">n/a</span></td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_SecondDesign_ShowsItsChangeAgainstTheFirst()
    {
        // Given: the synthetic dynamic design repays 45% of the fixed design's volume per block
        using var fixture = SyntheticResults.Create();

        // When
        var html = SummaryTable.Render(fixture.Results, "WETH", "USDC");

        // Then
        Assert.Contains("<span class=\"delta\">\u221255% vs fixed</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"delta\">same as fixed</span>", html, StringComparison.Ordinal);
    }

    private static int CountOf(string text, string part) =>
        (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
