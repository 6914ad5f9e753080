using System.Text.Json;
using ProtocolLab.Chain.Devnets;
using ProtocolLab.Reports.Html;

namespace ProtocolLab.Reports.Tests.Html;

public sealed class EmbeddedAssetsTests
{
    [Fact]
    public void ChartLibraryVersion_IsThePinnedNpmVersion()
    {
        // Given
        using var package = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoRoot.Find(), "package.json")));

        // When
        var pinned = package.RootElement.GetProperty("devDependencies").GetProperty("chart.js").GetString();

        // Then
        Assert.Equal(pinned, EmbeddedAssets.ChartLibraryVersion);
    }

    [Fact]
    public void Scripts_NeverCloseTheirElement()
    {
        // Given / When / Then
        Assert.DoesNotContain("</script", EmbeddedAssets.ChartLibrary, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("</script", EmbeddedAssets.Script, StringComparison.OrdinalIgnoreCase);
    }
}
