using System.Globalization;
using ProtocolLab.Simulation.Metrics;
using ProtocolLab.Simulation.Scenarios;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ProtocolLab.Cli.Check;

/// <summary>
/// Reads a budget file (YAML, a <c>budgets:</c> list) with YamlDotNet's representation model, so
/// every error keeps its line and column, and reports every problem found before throwing
/// <see cref="BudgetFileException"/>. Which scenarios and designs exist is checked later, by
/// <see cref="BudgetScope"/>, once the scenario files are loaded.
/// </summary>
internal static class BudgetFileParser
{
    private static readonly string[] RootFields = ["budgets"];
    private static readonly string[] EntryFields = ["scenario", "design", "metric", "statistic", "min", "max"];

    public static IReadOnlyList<Budget> Load(string path, string displayPath)
    {
        if (YamlText.Decode(File.ReadAllBytes(path), out var notUtf8) is { } text)
            return Parse(text, displayPath);
        throw new BudgetFileException([new BudgetError(new BudgetSource(displayPath, notUtf8!.Line, notUtf8.Column), "(file)", notUtf8.Message)]);
    }

    public static IReadOnlyList<Budget> Parse(string text, string displayPath)
    {
        var errors = new List<BudgetError>();
        var budgets = new List<Budget>();
        if (ReadRoot(text, displayPath, errors) is { } root)
            ReadBudgets(root, displayPath, budgets, errors);
        if (errors.Count > 0)
            throw new BudgetFileException(errors);
        return budgets;
    }

    public static string FieldPath(int index, string key) => $"budgets[{index}].{key}";

    private static YamlNode? ReadRoot(string text, string file, List<BudgetError> errors)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (stream.Documents.Count == 1)
                return stream.Documents[0].RootNode;
            errors.Add(new BudgetError(new BudgetSource(file, 1, 1), "(file)", $"expected exactly one YAML document, found {stream.Documents.Count}"));
        }
        catch (Exception) when (YamlText.UnclosedFlowMapping(text) is { } unclosed)
        {
            errors.Add(new BudgetError(new BudgetSource(file, unclosed.Line, unclosed.Column), "(syntax)", unclosed.Message));
        }
        catch (YamlException e)
        {
            errors.Add(new BudgetError(At(file, e.Start), "(syntax)", $"expected valid YAML, found a syntax error: {e.Message}"));
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet's scanner throws this, without a position, on some unterminated flow collections.
            errors.Add(new BudgetError(new BudgetSource(file, 1, 1), "(syntax)", $"expected valid YAML, found a syntax error the parser could not locate: {e.Message}"));
        }
        return null;
    }

    private static void ReadBudgets(YamlNode root, string file, List<Budget> budgets, List<BudgetError> errors)
    {
        if (root is not YamlMappingNode mapping)
        {
            errors.Add(Expected(file, root, "(document)", "a mapping with a budgets: list"));
            return;
        }
        RejectUnknown(mapping, file, "", RootFields, errors);
        var list = Find(mapping, "budgets");
        if (list is null)
        {
            errors.Add(new BudgetError(At(file, mapping.Start), "budgets", "expected a list of budgets, found nothing (the field is missing)"));
            return;
        }
        if (list is not YamlSequenceNode { Children.Count: > 0 } sequence)
        {
            errors.Add(Expected(file, list, "budgets", "a list of at least one budget"));
            return;
        }
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            if (ReadEntry(sequence.Children[i], i, file, errors) is { } budget)
                budgets.Add(budget);
        }
    }

    private static Budget? ReadEntry(YamlNode node, int index, string file, List<BudgetError> errors)
    {
        if (node is not YamlMappingNode entry)
        {
            errors.Add(Expected(file, node, $"budgets[{index}]", "a mapping with design, metric, statistic and max and/or min"));
            return null;
        }
        var before = errors.Count;
        RejectUnknown(entry, file, $"budgets[{index}].", EntryFields, errors);

        var scenarioNode = Find(entry, "scenario");
        var scenario = scenarioNode is null ? null : Name(scenarioNode, file, FieldPath(index, "scenario"), "a scenario name (the name: field of a scenario file)", errors);
        var designNode = Required(entry, "design", index, file, "a design name or \"*\" (every design)", errors);
        var design = designNode is null ? null : Name(designNode, file, FieldPath(index, "design"), "a design name or \"*\" (every design)", errors);
        var metric = Choice(entry, "metric", index, file, SummaryMetrics.Names, errors);
        var statistic = Choice(entry, "statistic", index, file, BudgetStatistics.Names, errors);
        var min = Number(entry, "min", index, file, errors);
        var max = Number(entry, "max", index, file, errors);

        if (Find(entry, "min") is null && Find(entry, "max") is null)
            errors.Add(new BudgetError(At(file, entry.Start), FieldPath(index, "max"), "expected max: and/or min: (a limit), found neither"));
        else if (min is { } low && max is { } high && low > high)
            errors.Add(new BudgetError(At(file, Find(entry, "min")!.Start), FieldPath(index, "min"), $"expected min at most max ({BudgetNumber.Format(high)}), found {BudgetNumber.Format(low)}"));

        if (errors.Count > before)
            return null;
        return new Budget(
            index,
            scenario,
            design!,
            metric!,
            BudgetStatistics.Parse(statistic!)!.Value,
            min,
            max,
            At(file, entry.Start),
            At(file, (scenarioNode ?? entry).Start),
            At(file, designNode!.Start));
    }

    private static string? Name(YamlNode node, string file, string field, string expectation, List<BudgetError> errors)
    {
        if (node is YamlScalarNode { Value: { Length: > 0 } text } && text.Trim() == text)
            return text;
        errors.Add(Expected(file, node, field, expectation));
        return null;
    }

    private static string? Choice(YamlMappingNode entry, string key, int index, string file, IReadOnlyList<string> choices, List<BudgetError> errors)
    {
        var expectation = "one of " + string.Join(", ", choices);
        var node = Required(entry, key, index, file, expectation, errors);
        if (node is null)
            return null;
        if (node is YamlScalarNode { Value: { } text } && choices.Contains(text))
            return text;
        errors.Add(Expected(file, node, FieldPath(index, key), expectation));
        return null;
    }

    private static double? Number(YamlMappingNode entry, string key, int index, string file, List<BudgetError> errors)
    {
        var node = Find(entry, key);
        if (node is null)
            return null;
        if (node is YamlScalarNode { Value: { } text }
            && double.TryParse(text.Replace("_", ""), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            && double.IsFinite(number))
        {
            return number;
        }
        errors.Add(Expected(file, node, FieldPath(index, key), "a number"));
        return null;
    }

    private static YamlNode? Required(YamlMappingNode entry, string key, int index, string file, string expectation, List<BudgetError> errors)
    {
        var node = Find(entry, key);
        if (node is null)
            errors.Add(new BudgetError(At(file, entry.Start), FieldPath(index, key), $"expected {expectation}, found nothing (the field is missing)"));
        return node;
    }

    private static void RejectUnknown(YamlMappingNode mapping, string file, string prefix, IReadOnlyList<string> known, List<BudgetError> errors)
    {
        foreach (var (keyNode, _) in mapping.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            if (!known.Contains(key))
                errors.Add(new BudgetError(At(file, keyNode.Start), prefix + key, $"expected one of the fields {string.Join(", ", known)}, found the unknown field \"{key}\""));
        }
    }

    private static YamlNode? Find(YamlMappingNode mapping, string key)
    {
        foreach (var (keyNode, value) in mapping.Children)
        {
            if (keyNode is YamlScalarNode { Value: { } name } && name == key)
                return value;
        }
        return null;
    }

    private static BudgetError Expected(string file, YamlNode node, string field, string expectation) =>
        new(At(file, node.Start), field, $"expected {expectation}, found {Describe(node)}");

    private static string Describe(YamlNode node) => node switch
    {
        YamlScalarNode { Value: null or "" or "~" or "null" } => "nothing",
        YamlScalarNode scalar => $"\"{scalar.Value}\"",
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        _ => "an alias",
    };

    private static BudgetSource At(string file, Mark mark) => new(file, (int)mark.Line, (int)mark.Column);
}
