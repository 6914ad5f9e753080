using System.Text.RegularExpressions;
using ProtocolLab.Reports.Html;
using ProtocolLab.Reports.Tests.Support;

namespace ProtocolLab.Reports.Tests.Html;

public sealed partial class HtmlReportTests
{
    [Fact]
    public void Write_SameInputsInDifferentFolders_GivesIdenticalBytes()
    {
        // Given: the same results written under two different temp folders
        using var a = SyntheticResults.Create(runs: 3);
        using var b = SyntheticResults.Create(runs: 3);

        // When
        var first = HtmlReport.Write(Path.Combine(a.Root, "report.html"), a.Scenario, a.Results, SyntheticResults.Versions);
        var second = HtmlReport.Write(Path.Combine(b.Root, "out", "report.html"), b.Scenario, b.Results, SyntheticResults.Versions);

        // Then: byte for byte, so no path, clock or machine leaks into the file
        Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
        Assert.DoesNotContain(a.Root, File.ReadAllText(first), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Compare_HasEverySectionAndOneMapPerDesign()
    {
        // Given
        using var fixture = SyntheticResults.Create();

        // When
        var html = Render(fixture);

        // Then
        foreach (var id in new[] { "prices", "liquidations", "liquidation-map", "summary", "scenario", "reproducibility", "report-data" })
        {
            Assert.Contains($"id=\"{id}\"", html, StringComparison.Ordinal);
        }

        Assert.Contains("id=\"chart-prices\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"chart-liquidations\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"chart-map-0\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"chart-map-1\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"chart-map-2\"", html, StringComparison.Ordinal);
        Assert.StartsWith("<!DOCTYPE html>\n", html, StringComparison.Ordinal);
        Assert.EndsWith("</html>\n", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Always_HasNoExternalReferences()
    {
        // Given
        using var fixture = SyntheticResults.Create();

        // When
        var html = Render(fixture);

        // Then: nothing that a browser would fetch, and a policy that forbids fetching
        Assert.Empty(ExternalReference().Matches(html));
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("sourceMappingURL", html, StringComparison.Ordinal);
        Assert.Contains("Content-Security-Policy\" content=\"default-src 'none';", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Always_InlinesTheChartLibrary()
    {
        // Given
        using var fixture = SyntheticResults.Create();

        // When
        var html = Render(fixture);

        // Then
        Assert.Matches(@"^\d+\.\d+\.\d+$", EmbeddedAssets.ChartLibraryVersion);
        Assert.Contains("Chart.js v" + EmbeddedAssets.ChartLibraryVersion, html, StringComparison.Ordinal);
        Assert.Contains("chart.js <code>" + EmbeddedAssets.ChartLibraryVersion + "</code>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_MarkupInNames_IsEscapedInHtmlAndInChartData()
    {
        // Given: a design name and a scenario description that are markup
        const string hostile = "<script>alert('x')</script>";
        var yaml = SyntheticResults.ScenarioYaml.Replace(
            "description: ETH drops 30% at block 5; liquidators dump into a thin pair.",
            "description: \"" + hostile + " & more\"",
            StringComparison.Ordinal);
        using var fixture = SyntheticResults.Create(1, yaml, ("</script><b>x</b>", 1.0));

        // When
        var html = Render(fixture);

        // Then: the only script elements are the report's own three
        Assert.Equal(3, Regex.Count(html, "<script", RegexOptions.IgnoreCase));
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more", html, StringComparison.Ordinal);
        Assert.Contains("&lt;/script&gt;&lt;b&gt;x&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.Contains("\\u003C/script\\u003E\\u003Cb\\u003Ex", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Reproducibility_NamesSeedHashAndVersions()
    {
        // Given
        using var fixture = SyntheticResults.Create();

        // When
        var line = Regex.Match(Render(fixture), "<p class=\"repro\" id=\"reproducibility\">.*</p>").Value;

        // Then
        Assert.Contains("seed <code>42</code>", line, StringComparison.Ordinal);
        Assert.Contains($"scenario sha256 <code>{fixture.Scenario.Hash}</code>", line, StringComparison.Ordinal);
        Assert.Contains("protocollab <code>9.9.9-test+abc</code>", line, StringComparison.Ordinal);
        Assert.Contains("contracts <code>artifacts 0123456789ab</code>", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_ScenarioSection_ShowsTheFileAsWritten()
    {
        // Given
        using var fixture = SyntheticResults.Create();

        // When
        var path = HtmlReport.Write(Path.Combine(fixture.Root, "r.html"), fixture.Scenario, fixture.Results, SyntheticResults.Versions);
        var html = File.ReadAllText(path);

        // Then: keys and comments of the YAML, highlighted
        Assert.Contains("<span class=\"c\"># Synthetic crash for report tests.</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"k\">deviationThreshold</span>: 0.005", html, StringComparison.Ordinal);
        Assert.Contains("synthetic-crash.yaml", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_MissingRunFiles_StillRenders()
    {
        // Given: the results folder is gone (an interrupted or moved run)
        using var fixture = SyntheticResults.Create();
        Directory.Delete(Path.Combine(fixture.Root, "results"), recursive: true);

        // When
        var html = Render(fixture);

        // Then
        Assert.Contains("id=\"chart-prices\"", html, StringComparison.Ordinal);
        Assert.Contains("\"block\":[]", html, StringComparison.Ordinal);
    }

    private static string Render(SyntheticResults fixture) =>
        HtmlReport.Render(fixture.Scenario, SyntheticResults.ScenarioYaml, fixture.Results, SyntheticResults.Versions);

    [GeneratedRegex(@"(?:src|href|action|poster|data)\s*=\s*[""']?\s*(?:https?:)?//", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalReference();
}
