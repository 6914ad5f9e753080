using ProtocolLab.Simulation.Paths;
using YamlDotNet.RepresentationModel;

namespace ProtocolLab.Simulation.Scenarios;

internal static class PricePathSectionParser
{
    private static readonly string[] Kinds = ["step", "piecewise", "gbm", "jump", "csv"];

    public static PricePathSpec Parse(MappingReader path, int blocks, string scenarioDirectory)
    {
        PricePathSpec result = path.Choice("kind", Kinds) switch
        {
            "step" => new StepPathSpec(
                path.WholeNumber("at", 0, Math.Max(0, blocks)),
                path.Number("drop", NumberRule.OpenFraction)),
            "piecewise" => ParsePiecewise(path, blocks),
            "gbm" => new GbmPathSpec(
                path.Number("mu", NumberRule.Between(-10, 10)),
                path.Number("sigma", NumberRule.Between(0, 10))),
            "jump" => new JumpPathSpec(
                path.Number("mu", NumberRule.Between(-10, 10)),
                path.Number("sigma", NumberRule.Between(0, 10)),
                path.Number("intensity", NumberRule.Between(0, 1e6)),
                path.Number("jumpMean", NumberRule.Between(-5, 5)),
                path.Number("jumpStdev", NumberRule.Between(0, 5))),
            "csv" => ParseCsv(path, scenarioDirectory),
            _ => new StepPathSpec(0, 0),
        };
        path.RejectUnknownFields();
        return result;
    }

    /// <summary>points: a list of [block, multiplier] pairs, blocks strictly increasing.</summary>
    private static PiecewisePathSpec ParsePiecewise(MappingReader path, int blocks)
    {
        var points = new List<PathPoint>();
        var sequence = path.Sequence("points", required: true);
        if (sequence is null)
        {
            return new PiecewisePathSpec(points);
        }

        if (sequence.Children.Count < 2)
        {
            path.Errors.Add(sequence, path.FieldPath("points"), $"expected at least 2 points, found {sequence.Children.Count}");
        }

        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var fieldPath = $"{path.FieldPath("points")}[{i}]";
            var node = sequence.Children[i];
            if (node is not YamlSequenceNode { Children.Count: 2 } pair)
            {
                path.Errors.Expected(node, fieldPath, "a pair [block, multiplier]");
                continue;
            }

            var block = MappingReader.ParseNumber(pair.Children[0], fieldPath + ".block", NumberRule.WholeBetween(0, Math.Max(0, blocks)), path.Errors);
            var multiplier = MappingReader.ParseNumber(pair.Children[1], fieldPath + ".multiplier", new NumberRule(0, 1000, MinExclusive: true), path.Errors);
            if (block is null || multiplier is null)
            {
                continue;
            }

            if (points.Count > 0 && block <= points[^1].Block)
            {
                path.Errors.Add(node, fieldPath + ".block", $"expected a block after {points[^1].Block}, found {block}");
                continue;
            }

            points.Add(new PathPoint((int)block.Value, multiplier.Value));
        }

        return new PiecewisePathSpec(points);
    }

    private static PricePathSpec ParseCsv(MappingReader path, string scenarioDirectory)
    {
        var file = path.Text("file", s => s.Trim().Length > 0, "a CSV file path relative to the scenario file");
        if (ScenarioFiles.Locate(path, "file", file, scenarioDirectory) is not { } fullPath)
        {
            return new CsvPathSpec(file, file.Length == 0 ? "" : Path.GetFullPath(Path.Combine(scenarioDirectory, file)), new CsvPriceSeries([], []));
        }

        try
        {
            return new CsvPathSpec(file, fullPath, CsvPriceFile.Load(fullPath, file));
        }
        catch (CsvPriceFileException ex)
        {
            foreach (var error in ex.Errors)
            {
                path.Errors.Add(path.Node.Children[new YamlScalarNode("file")], path.FieldPath("file"), $"{error.File}:{error.Line}: {error.Message}");
            }

            return new CsvPathSpec(file, fullPath, new CsvPriceSeries([], []));
        }
    }
}
