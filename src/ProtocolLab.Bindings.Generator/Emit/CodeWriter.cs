using System.Text;

namespace ProtocolLab.Bindings.Generator.Emit;

/// <summary>Indented C# text with '\n' line ends, the same on every OS so output is deterministic.</summary>
internal sealed class CodeWriter
{
    private readonly StringBuilder _text = new();
    private int _indent;

    public CodeWriter Line(string line = "")
    {
        if (line.Length > 0)
            _text.Append(' ', _indent * 4).Append(line);
        _text.Append('\n');
        return this;
    }

    public CodeWriter Open(string header)
    {
        Line(header).Line("{");
        _indent++;
        return this;
    }

    public CodeWriter Close(string closer = "}")
    {
        _indent--;
        return Line(closer);
    }

    public override string ToString() => _text.ToString();
}
