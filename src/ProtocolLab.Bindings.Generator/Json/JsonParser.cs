using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace ProtocolLab.Bindings.Generator.Json;

/// <summary>
/// A strict RFC 8259 reader. netstandard2.0 has no System.Text.Json without a package, and a
/// generator should not drag one into the compiler; artifact JSON needs nothing more than this.
/// </summary>
internal sealed class JsonParser
{
    // Real ABIs nest a few levels; the bound keeps a hostile file from overflowing the compiler's stack.
    private const int MaxDepth = 256;

    private readonly string _text;
    private int _pos;

    private JsonParser(string text) => _text = text;

    /// <exception cref="JsonException">The text is not exactly one JSON value.</exception>
    public static JsonNode Parse(string text)
    {
        var parser = new JsonParser(text);
        if (text.Length > 0 && text[0] == '\uFEFF')
            parser._pos = 1;
        parser.SkipWhitespace();
        var value = parser.ReadValue(0);
        parser.SkipWhitespace();
        if (parser._pos < text.Length)
            throw parser.Error("unexpected text after the JSON value");
        return value;
    }

    private JsonNode ReadValue(int depth)
    {
        if (_pos >= _text.Length)
            throw Error("unexpected end of input, expected a value");
        switch (_text[_pos])
        {
            case '{':
                return ReadObject(depth + 1);
            case '[':
                return ReadArray(depth + 1);
            case '"':
                var start = _pos;
                var value = ReadString();
                return new JsonString(value, start, _pos);
            case 't':
                return ReadLiteral("true", new JsonBool(true, _pos, _pos + 4));
            case 'f':
                return ReadLiteral("false", new JsonBool(false, _pos, _pos + 5));
            case 'n':
                return ReadLiteral("null", new JsonNull(_pos, _pos + 4));
            default:
                return ReadNumber();
        }
    }

    private JsonObject ReadObject(int depth)
    {
        CheckDepth(depth);
        var start = _pos++;
        var members = new Dictionary<string, JsonNode>(System.StringComparer.Ordinal);
        SkipWhitespace();
        if (TryConsume('}'))
            return new JsonObject(members, start, _pos);
        while (true)
        {
            SkipWhitespace();
            if (_pos >= _text.Length)
                throw Error("unexpected end of input, expected a property name");
            if (_text[_pos] != '"')
                throw Error("expected a property name in double quotes");
            var name = ReadString();
            SkipWhitespace();
            Expect(':');
            SkipWhitespace();
            members[name] = ReadValue(depth);
            SkipWhitespace();
            if (TryConsume('}'))
                return new JsonObject(members, start, _pos);
            Expect(',');
        }
    }

    private JsonArray ReadArray(int depth)
    {
        CheckDepth(depth);
        var start = _pos++;
        var items = new List<JsonNode>();
        SkipWhitespace();
        if (TryConsume(']'))
            return new JsonArray(items, start, _pos);
        while (true)
        {
            SkipWhitespace();
            items.Add(ReadValue(depth));
            SkipWhitespace();
            if (TryConsume(']'))
                return new JsonArray(items, start, _pos);
            Expect(',');
        }
    }

    private string ReadString()
    {
        _pos++; // opening quote
        var builder = new StringBuilder();
        while (true)
        {
            if (_pos >= _text.Length)
                throw Error("unterminated string");
            var c = _text[_pos++];
            if (c == '"')
                return builder.ToString();
            if (c < ' ')
                throw Error("control character in string", _pos - 1);
            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }
            if (_pos >= _text.Length)
                throw Error("unterminated escape sequence");
            var escape = _text[_pos++];
            switch (escape)
            {
                case '"': builder.Append('"'); break;
                case '\\': builder.Append('\\'); break;
                case '/': builder.Append('/'); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case 'u': builder.Append(ReadHex4()); break;
                default: throw Error($"invalid escape '\\{escape}'", _pos - 1);
            }
        }
    }

    private char ReadHex4()
    {
        if (_pos + 4 > _text.Length)
            throw Error("truncated \\u escape");
        var hex = _text.Substring(_pos, 4);
        if (!ushort.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
            throw Error($"invalid \\u escape '{hex}'");
        _pos += 4;
        return (char)code;
    }

    private JsonNumber ReadNumber()
    {
        var start = _pos;
        TryConsume('-');
        if (TryConsume('0'))
        {
            // A leading zero stands alone: "01" is not JSON.
        }
        else if (!ReadDigits())
        {
            throw Error(_pos < _text.Length ? $"unexpected character '{_text[_pos]}'" : "unexpected end of input", _pos);
        }
        if (TryConsume('.') && !ReadDigits())
            throw Error("expected digits after the decimal point");
        if (TryConsume('e') || TryConsume('E'))
        {
            if (!TryConsume('+'))
                TryConsume('-');
            if (!ReadDigits())
                throw Error("expected digits in the exponent");
        }
        return new JsonNumber(_text.Substring(start, _pos - start), start, _pos);
    }

    private bool ReadDigits()
    {
        var start = _pos;
        while (_pos < _text.Length && _text[_pos] >= '0' && _text[_pos] <= '9')
            _pos++;
        return _pos > start;
    }

    private JsonNode ReadLiteral(string literal, JsonNode value)
    {
        if (string.CompareOrdinal(_text, _pos, literal, 0, literal.Length) != 0)
            throw Error($"unexpected character '{_text[_pos]}'");
        _pos += literal.Length;
        return value;
    }

    private void SkipWhitespace()
    {
        while (_pos < _text.Length && (_text[_pos] == ' ' || _text[_pos] == '\t' || _text[_pos] == '\n' || _text[_pos] == '\r'))
            _pos++;
    }

    private bool TryConsume(char c)
    {
        if (_pos < _text.Length && _text[_pos] == c)
        {
            _pos++;
            return true;
        }
        return false;
    }

    private void Expect(char c)
    {
        if (!TryConsume(c))
            throw Error(_pos < _text.Length ? $"expected '{c}' but found '{_text[_pos]}'" : $"expected '{c}' but the input ended");
    }

    private void CheckDepth(int depth)
    {
        if (depth > MaxDepth)
            throw Error($"nesting deeper than {MaxDepth} levels");
    }

    private JsonException Error(string message) => Error(message, _pos);

    private static JsonException Error(string message, int offset) => new(message, offset);
}
