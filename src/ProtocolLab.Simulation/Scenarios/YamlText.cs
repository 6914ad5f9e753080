using System.Text;

namespace ProtocolLab.Simulation.Scenarios;

/// <summary>A problem in a YAML file's text itself, at a 1-based line and column.</summary>
public sealed record YamlTextProblem(int Line, int Column, string Message);

/// <summary>
/// What the YAML parser cannot say well about a file: bytes that are not UTF-8 (decoding would
/// silently turn them into U+FFFD) and a flow mapping '{' never closed (YamlDotNet's scanner fails
/// there without a position). Shared by the scenario and budget readers.
/// </summary>
public static class YamlText
{
    /// <summary>The text of UTF-8 bytes (a leading byte-order mark dropped), or the first invalid byte's position.</summary>
    public static string? Decode(byte[] bytes, out YamlTextProblem? problem)
    {
        problem = null;
        var start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        for (var offset = start; offset < bytes.Length;)
        {
            if (Rune.DecodeFromUtf8(bytes.AsSpan(offset), out _, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                var lineStart = Array.LastIndexOf(bytes, (byte)'\n', Math.Max(0, offset - 1)) + 1;
                var line = 1 + bytes.AsSpan(0, lineStart).Count((byte)'\n');
                problem = new YamlTextProblem(line, offset - lineStart + 1, $"expected UTF-8 text, found byte 0x{bytes[offset]:X2} at byte offset {offset} (save the file as UTF-8)");
                return null;
            }
            offset += consumed;
        }
        return Encoding.UTF8.GetString(bytes, start, bytes.Length - start);
    }

    /// <summary>The '{' of a flow mapping that is never closed, outside quotes and comments; null when every one closes.</summary>
    public static YamlTextProblem? UnclosedFlowMapping(string text)
    {
        var open = new Stack<(int Line, int Column)>();
        var lines = text.Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            char? quote = null;
            var line = lines[i];
            for (var j = 0; j < line.Length; j++)
            {
                var c = line[j];
                if (quote is not null)
                {
                    if (c == quote)
                        quote = null;
                    continue;
                }
                if (c == '#' && (j == 0 || char.IsWhiteSpace(line[j - 1])))
                    break;
                if (c is '"' or '\'')
                    quote = c;
                else if (c == '{')
                    open.Push((i + 1, j + 1));
                else if (c == '}' && open.Count > 0)
                    open.Pop();
            }
        }
        if (open.Count == 0)
            return null;
        var (l, col) = open.Last();
        return new YamlTextProblem(l, col, "expected a '}' closing this '{' (a flow mapping), found the end of the file");
    }
}
