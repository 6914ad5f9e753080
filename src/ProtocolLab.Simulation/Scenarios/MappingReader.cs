using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace ProtocolLab.Simulation.Scenarios;

/// <summary>
/// Reads the fields of one YAML mapping, checking each against its rule and reporting to
/// a shared <see cref="ErrorCollector"/> instead of stopping at the first problem. Invalid or
/// missing fields yield a placeholder value; the loader throws before any placeholder is used.
/// Call <see cref="RejectUnknownFields"/> once every known field was read.
/// </summary>
internal sealed partial class MappingReader
{
    private readonly YamlMappingNode _node;
    private readonly ErrorCollector _errors;
    private readonly List<string> _known = [];

    /// <summary>The choice field that was missing, if any: a misspelling of it is still reported.</summary>
    private string? _missingChoiceKey;

    private MappingReader(YamlMappingNode node, string path, ErrorCollector errors)
    {
        _node = node;
        Path = path;
        _errors = errors;
    }

    public string Path { get; }

    /// <summary>
    /// True once a kind/strategy/model field of this mapping held an unknown choice: which other
    /// fields belong then is unknowable, so they are neither required nor rejected.
    /// </summary>
    public bool HasInvalidChoice { get; private set; }

    public YamlMappingNode Node => _node;

    public ErrorCollector Errors => _errors;

    /// <summary>A reader over <paramref name="node"/>, or null (error reported) when it is not a mapping.</summary>
    public static MappingReader? Open(YamlNode node, string path, ErrorCollector errors)
    {
        if (node is YamlMappingNode mapping)
        {
            return new MappingReader(mapping, path, errors);
        }

        errors.Expected(node, path.Length == 0 ? "(document)" : path, "a mapping of fields");
        return null;
    }

    public string FieldPath(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    /// <summary>The value node of <paramref name="key"/>; when required and absent, reports it as missing.</summary>
    public YamlNode? Value(string key, bool required, string expectation)
    {
        _known.Add(key);
        var value = Find(key);
        if (value is null && required)
        {
            _errors.Add(_node, FieldPath(key), $"expected {expectation}, found nothing (the field is missing)");
        }

        return value;
    }

    public MappingReader? Mapping(string key, bool required = true)
    {
        var value = Value(key, required, "a mapping of fields");
        return value is null ? null : Open(value, FieldPath(key), _errors);
    }

    public double Number(string key, NumberRule rule, double? defaultValue = null)
    {
        var value = Value(key, defaultValue is null, rule.Describe());
        if (value is null)
        {
            return defaultValue ?? double.NaN;
        }

        return ParseNumber(value, FieldPath(key), rule, _errors) ?? double.NaN;
    }

    public int WholeNumber(string key, long min, long max, int? defaultValue = null) =>
        SafeInt(Number(key, NumberRule.WholeBetween(min, max), defaultValue));

    public ulong Seed(string key)
    {
        const string expectation = "a whole number from 0 to 18446744073709551615";
        var value = Value(key, required: true, expectation);
        if (value is null)
        {
            return 0;
        }

        if (value is YamlScalarNode { Value: { } text }
            && ulong.TryParse(text.Replace("_", ""), NumberStyles.None, CultureInfo.InvariantCulture, out var seed))
        {
            return seed;
        }

        _errors.Expected(value, FieldPath(key), expectation);
        return 0;
    }

    public bool Boolean(string key, bool defaultValue)
    {
        var value = Value(key, required: false, "true or false");
        if (value is null)
        {
            return defaultValue;
        }

        if (value is YamlScalarNode { Value: "true" or "false" } scalar)
        {
            return scalar.Value == "true";
        }

        _errors.Expected(value, FieldPath(key), "true or false");
        return defaultValue;
    }

    /// <summary>A string matching <paramref name="isValid"/>; <paramref name="expectation"/> says what that means.</summary>
    /// <summary>A required name: of letters, digits, '.', '_' or '-', at most 64, starting with a letter or digit (scenarios, designs, agents).</summary>
    public string Name(string key) => Text(key, s => NamePattern().IsMatch(s), "a name of letters, digits, '.', '_' or '-' (at most 64)");

    public string Text(string key, Func<string, bool> isValid, string expectation, string? defaultValue = null)
    {
        var value = Value(key, defaultValue is null, expectation);
        if (value is null)
        {
            return defaultValue ?? "";
        }

        if (value is YamlScalarNode { Value: { } text } && isValid(text))
        {
            return text;
        }

        _errors.Expected(value, FieldPath(key), expectation);
        return defaultValue ?? "";
    }

    /// <summary>One of <paramref name="choices"/> (case-sensitive, as documented), with a did-you-mean.</summary>
    public string Choice(string key, IReadOnlyList<string> choices, string? defaultValue = null)
    {
        var expectation = "one of " + string.Join(", ", choices);
        var value = Value(key, defaultValue is null, expectation);
        if (value is null)
        {
            if (defaultValue is null)
            {
                HasInvalidChoice = true;
                _missingChoiceKey = key;
            }

            return defaultValue ?? "";
        }

        var choice = ParseChoice(value, FieldPath(key), choices, _errors);
        HasInvalidChoice |= choice is null;
        return choice ?? "";
    }

    public YamlSequenceNode? Sequence(string key, bool required)
    {
        var value = Value(key, required, "a list");
        if (value is null)
        {
            return null;
        }

        if (value is YamlSequenceNode sequence)
        {
            return sequence;
        }

        _errors.Expected(value, FieldPath(key), "a list");
        return null;
    }

    /// <summary>Reports every key of the mapping that no reader asked for.</summary>
    public void RejectUnknownFields()
    {
        foreach (var (keyNode, _) in _node.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            var mayBelongToUnknownChoice = HasInvalidChoice
                && (_missingChoiceKey is null || DidYouMean.Suggest(key, [_missingChoiceKey]) is null);
            if (_known.Contains(key) || mayBelongToUnknownChoice)
            {
                continue;
            }

            _errors.Add(
                keyNode,
                FieldPath(key),
                $"expected one of the fields {string.Join(", ", _known)}, found the unknown field \"{key}\"{DidYouMean.Hint(key, _known)}");
        }
    }

    public static double? ParseNumber(YamlNode node, string fieldPath, NumberRule rule, ErrorCollector errors)
    {
        if (node is YamlScalarNode { Value: { } text }
            && double.TryParse(text.Replace("_", ""), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            && rule.Accepts(number))
        {
            return number;
        }

        errors.Expected(node, fieldPath, rule.Describe());
        return null;
    }

    public static string? ParseChoice(YamlNode node, string fieldPath, IReadOnlyList<string> choices, ErrorCollector errors)
    {
        if (node is YamlScalarNode { Value: { } text } && choices.Contains(text))
        {
            return text;
        }

        var hint = node is YamlScalarNode { Value: { } found } ? DidYouMean.Hint(found, choices) : "";
        errors.Add(node, fieldPath, $"expected one of {string.Join(", ", choices)}, found {ErrorCollector.Describe(node)}{hint}");
        return null;
    }

    private YamlNode? Find(string key)
    {
        foreach (var (keyNode, value) in _node.Children)
        {
            if (keyNode is YamlScalarNode { Value: { } name } && name == key)
            {
                return value;
            }
        }

        return null;
    }

    private static int SafeInt(double value) => double.IsNaN(value) ? 0 : (int)value;

    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial System.Text.RegularExpressions.Regex NamePattern();
}
