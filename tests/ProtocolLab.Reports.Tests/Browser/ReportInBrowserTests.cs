using System.Text.Json;
using Microsoft.Playwright;
using ProtocolLab.Reports.Tests.Support;

namespace ProtocolLab.Reports.Tests.Browser;

/// <summary>
/// Opens generated reports in headless Chromium from file://: no console errors, no request that
/// leaves the file, every chart has drawn coloured content, and a full-page screenshot is kept in
/// the test output's artifacts folder for a human to look at.
/// </summary>
public sealed class ReportInBrowserTests
{
    // Per canvas: its id, pixels that are coloured (not the grey of axes, grid and text), and
    // how many data elements chart.js laid out.
    private const string InspectCharts = """
        () => Array.from(document.querySelectorAll('canvas')).map(c => {
          const pixels = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
          let painted = 0, coloured = 0;
          for (let i = 0; i < pixels.length; i += 4) {
            if (pixels[i + 3] === 0) continue;
            painted++;
            const max = Math.max(pixels[i], pixels[i + 1], pixels[i + 2]);
            const min = Math.min(pixels[i], pixels[i + 1], pixels[i + 2]);
            if (max - min > 40) coloured++;
          }
          const chart = Chart.getChart(c);
          const elements = chart ? chart.data.datasets.reduce((n, d, i) => n + chart.getDatasetMeta(i).data.length, 0) : 0;
          const labels = chart ? chart.data.datasets.map(d => d.label) : [];
          const colours = chart ? chart.data.datasets.map(d => String(d.backgroundColor)) : [];
          return { id: c.id, painted, coloured, elements, labels, colours };
        })
        """;

    public static string ArtifactsFolder { get; } = Path.Combine(AppContext.BaseDirectory, "artifacts");

    [Theory]
    [InlineData(1, 2, "report-compare.png")]
    [InlineData(5, 2, "report-compare-5-runs.png")]
    [InlineData(3, 5, "report-compare-5-designs.png")]
    public async Task Report_InHeadlessChromium_DrawsEveryChartWithoutErrors(int runs, int designCount, string screenshot)
    {
        // Given: a compare report of that many designs, each less severe than the last
        var designs = Enumerable.Range(0, designCount).Select(i => ($"design-{i}", 1.0 - (0.15 * i))).ToArray();
        using var fixture = SyntheticResults.Create(runs, SyntheticResults.ScenarioYaml, designs);
        var path = HtmlReport.Write(Path.Combine(fixture.Root, "report.html"), fixture.Scenario, fixture.Results, SyntheticResults.Versions);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright, Path.Combine(fixture.Root, "profile"));
        var page = await browser.NewPageAsync();
        var errors = new List<string>();
        var requests = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                errors.Add($"console {message.Type}: {message.Text}");
            }
        };
        page.PageError += (_, error) => errors.Add("page error: " + error);
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith("file:", StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                requests.Add(request.Url);
            }
        };

        // When
        await page.GotoAsync(new Uri(path).AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        var charts = JsonSerializer.Deserialize<List<ChartState>>(
            (await page.EvaluateAsync(InspectCharts)).GetValueOrDefault().GetRawText(),
            new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        Directory.CreateDirectory(ArtifactsFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ArtifactsFolder, screenshot), FullPage = true });
        File.Copy(path, Path.Combine(ArtifactsFolder, Path.ChangeExtension(screenshot, ".html")), overwrite: true);
        foreach (var section in await page.QuerySelectorAllAsync("section"))
        {
            var id = await section.GetAttributeAsync("id");
            await section.ScreenshotAsync(new ElementHandleScreenshotOptions { Path = Path.Combine(ArtifactsFolder, Path.GetFileNameWithoutExtension(screenshot) + "." + id + ".png") });
        }

        // Then
        Assert.Empty(errors);
        Assert.Empty(requests);
        Assert.Equal(["chart-prices", "chart-liquidations", .. designs.Select((_, i) => $"chart-map-{i}")], charts.Select(c => c.Id));
        // And the liquidations chart has each design's repaid and bad-debt bars, in a colour of its own
        var liquidations = charts.Single(c => c.Id == "chart-liquidations");
        foreach (var (name, _) in designs)
        {
            Assert.Contains($"{name} repaid by liquidators", liquidations.Labels);
            Assert.Contains($"{name} bad debt", liquidations.Labels);
        }
        var repaidColours = liquidations.Labels.Zip(liquidations.Colours).Where(p => p.First.EndsWith(" repaid by liquidators", StringComparison.Ordinal)).Select(p => p.Second).ToList();
        Assert.Equal(designCount, repaidColours.Distinct().Count());
        Assert.All(charts, c =>
        {
            Assert.True(c.Elements > 0, $"{c.Id}: chart.js laid out no data elements");
            Assert.True(c.Coloured > 500, $"{c.Id}: only {c.Coloured} coloured pixels drawn ({c.Painted} painted)");
        });
    }

    private sealed record ChartState(string Id, int Painted, int Coloured, int Elements, List<string> Labels, List<string> Colours);
}
