using System.Text.RegularExpressions;

namespace ProtocolLab.Reports.Html;

/// <summary>The files inlined into every report: chart.js (from npm, embedded at build time) and the report's own CSS and script.</summary>
public static partial class EmbeddedAssets
{
    public static string ChartLibrary { get; } = Inlineable(Read("chart.umd.min.js"));

    /// <summary>The chart.js version from the library's banner ("Chart.js v4.6.1").</summary>
    public static string ChartLibraryVersion { get; } = BannerVersion().Match(ChartLibrary) is { Success: true } m ? m.Groups[1].Value : "unknown";

    public static string Stylesheet { get; } = Read("report.css");

    public static string Script { get; } = Inlineable(Read("report.js"));

    private static string Read(string name)
    {
        var resource = "ProtocolLab.Reports." + name;
        using var stream = typeof(EmbeddedAssets).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"embedded resource {resource} is missing from the build");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().ReplaceLineEndings("\n");
    }

    /// <summary>Script text safe inside a script element: no source-map fetch, nothing that closes the element.</summary>
    private static string Inlineable(string script) =>
        SourceMapComment().Replace(script, "").Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase).TrimEnd() + "\n";

    [GeneratedRegex(@"^//# sourceMappingURL=.*$", RegexOptions.Multiline)]
    private static partial Regex SourceMapComment();

    [GeneratedRegex(@"Chart\.js v(\d+\.\d+\.\d+)")]
    private static partial Regex BannerVersion();
}
