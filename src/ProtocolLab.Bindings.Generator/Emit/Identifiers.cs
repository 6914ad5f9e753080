using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace ProtocolLab.Bindings.Generator.Emit;

/// <summary>Turns Solidity names into C# identifiers and string literals.</summary>
internal static class Identifiers
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
        "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit",
        "extern", "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int",
        "interface", "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out",
        "override", "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed",
        "short", "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try",
        "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile",
        "while",
        // Contextual, but a parameter named so breaks an async method body.
        "await",
    };

    /// <summary>Characters C# rejects (Solidity allows '$') become '_'; a leading digit gets a '_' in front.</summary>
    public static string Sanitize(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
            builder.Append(char.IsLetterOrDigit(c) || c == '_' ? c : '_');
        if (builder.Length > 0 && char.IsDigit(builder[0]))
            builder.Insert(0, '_');
        return builder.ToString();
    }

    /// <summary>"balanceOf" -> "BalanceOf", "_owner" -> "Owner"; empty when nothing usable is left.</summary>
    public static string Pascal(string name)
    {
        var trimmed = Sanitize(name.TrimStart('_', '$'));
        if (trimmed.Length == 0 || trimmed[0] == '_')
            return "";
        return char.ToUpperInvariant(trimmed[0]) + trimmed.Substring(1);
    }

    /// <summary>A parameter name as written, '@'-escaped when it is a keyword; empty when unnamed.</summary>
    public static string Parameter(string name) => Escape(Sanitize(name));

    public static string Escape(string identifier) => Keywords.Contains(identifier) ? "@" + identifier : identifier;

    public static string Unescape(string identifier) => identifier.TrimStart('@');

    /// <summary>A C# string literal; everything outside printable ASCII is \u-escaped so no character can end a line.</summary>
    public static string Literal(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (c < ' ' || c > '~')
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else
                        builder.Append(c);
                    break;
            }
        }
        return builder.Append('"').ToString();
    }
}
