using System.Text;
using System.Text.RegularExpressions;

namespace ProtocolLab.Reports.Html;

/// <summary>The scenario file as written, HTML-escaped, with keys and comments marked for a light highlight.</summary>
public static partial class ScenarioText
{
    public static string Render(string yaml)
    {
        var html = new StringBuilder();
        foreach (var line in yaml.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n'))
        {
            var (code, comment) = SplitComment(line);
            var key = Key().Match(code);
            if (key.Success)
            {
                html.Append(Html.Escape(key.Groups["lead"].Value))
                    .Append("<span class=\"k\">").Append(Html.Escape(key.Groups["key"].Value)).Append("</span>")
                    .Append(Html.Escape(key.Groups["rest"].Value));
            }
            else
            {
                html.Append(Html.Escape(code));
            }

            if (comment.Length > 0)
            {
                html.Append("<span class=\"c\">").Append(Html.Escape(comment)).Append("</span>");
            }

            html.Append('\n');
        }

        return html.ToString();
    }

    /// <summary>A '#' starts a comment at the line start or after whitespace, outside quotes (YAML's rule).</summary>
    private static (string Code, string Comment) SplitComment(string line)
    {
        var quote = '\0';
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '#' && (i == 0 || char.IsWhiteSpace(line[i - 1])))
            {
                return (line[..i], line[i..]);
            }
        }

        return (line, "");
    }

    [GeneratedRegex(@"^(?<lead>\s*(?:-\s+)?)(?<key>[A-Za-z_][\w.-]*)(?<rest>:(?:\s.*)?)$")]
    private static partial Regex Key();
}
