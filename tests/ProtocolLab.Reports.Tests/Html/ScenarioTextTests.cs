using ProtocolLab.Reports.Html;

namespace ProtocolLab.Reports.Tests.Html;

public sealed class ScenarioTextTests
{
    [Fact]
    public void Render_KeyValueWithComment_MarksKeyAndComment()
    {
        // Given / When
        var html = ScenarioText.Render("  pairDepth: 2_000_000   # USDC per side\n");

        // Then
        Assert.Equal("  <span class=\"k\">pairDepth</span>: 2_000_000   <span class=\"c\"># USDC per side</span>\n", html);
    }

    [Fact]
    public void Render_HashInsideQuotesOrWord_IsNotAComment()
    {
        // Given / When
        var html = ScenarioText.Render("name: \"a # b\"\nid: x#y\n");

        // Then
        Assert.DoesNotContain("class=\"c\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ListItemKey_IsMarked()
    {
        // Given / When
        var html = ScenarioText.Render("    - name: fast-bot\n");

        // Then
        Assert.Equal("    - <span class=\"k\">name</span>: fast-bot\n", html);
    }

    [Fact]
    public void Render_Markup_IsEscaped()
    {
        // Given / When
        var html = ScenarioText.Render("description: <b>\"x\" & 'y'</b> # <i>\r\n");

        // Then
        Assert.Equal("<span class=\"k\">description</span>: &lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/b&gt; <span class=\"c\"># &lt;i&gt;</span>\n", html);
    }
}
