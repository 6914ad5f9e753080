using YamlDotNet.RepresentationModel;

namespace ProtocolLab.Simulation.Scenarios;

internal static class PopulationSectionParser
{
    private const double ShareTolerance = 1e-9;
    private static readonly string[] SizeDistributions = ["pareto", "lognormal"];
    private static readonly string[] LeverageDistributions = ["beta", "truncatedNormal"];

    public static PopulationSpec Parse(MappingReader population, string scenarioDirectory)
    {
        if (population.Node.Children.ContainsKey(new YamlScalarNode("positions")))
            return ParseImported(population, scenarioDirectory);
        var borrowers = population.WholeNumber("borrowers", 1, 100_000);
        var size = ParseSize(population.Mapping("size"));
        var leverage = ParseLeverage(population.Mapping("leverage"));
        var behaviours = ParseBehaviours(population);
        var same = population.Boolean("sameForEveryRun", false);
        var opening = ParseOpeningPrice(population.Mapping("openingPrice", required: false));
        population.RejectUnknownFields();
        return new PopulationSpec(borrowers, size, leverage, behaviours) { SameForEveryRun = same, OpeningPrice = opening };
    }

    /// <summary>population.positions: real positions from a CSV beside the scenario; sizes, leverage and opening prices come from the file.</summary>
    private static PopulationSpec ParseImported(MappingReader population, string scenarioDirectory)
    {
        foreach (var drawn in new[] { "borrowers", "size", "leverage", "openingPrice" })
        {
            if (population.Value(drawn, required: false, "") is { } node)
                population.Errors.Add(node, population.FieldPath(drawn), $"expected no {drawn} with positions (the file gives every position), found one");
        }
        var file = population.Text("positions", s => s.Trim().Length > 0, "a CSV file path relative to the scenario file");
        var behaviours = ParseBehaviours(population);
        var same = population.Boolean("sameForEveryRun", false);
        population.RejectUnknownFields();
        IReadOnlyList<ImportedPosition> imported = [];
        byte[]? bytes = null;
        if (ScenarioFiles.Locate(population, "positions", file, scenarioDirectory) is { } fullPath)
        {
            bytes = File.ReadAllBytes(fullPath);
            var errors = new List<string>();
            imported = PositionsCsvFile.Parse(System.Text.Encoding.UTF8.GetString(ScenarioHash.Canonicalize(bytes)), file, errors);
            var node = population.Node.Children[new YamlScalarNode("positions")];
            foreach (var error in errors)
                population.Errors.Add(node, population.FieldPath("positions"), error);
        }
        return new PopulationSpec(imported.Count, new LogNormalSizeSpec(0, 0, 0, 0), new BetaLeverageSpec(1, 1), behaviours)
        {
            SameForEveryRun = same,
            Imported = imported,
            ImportedFileBytes = bytes,
        };
    }

    private static OpeningPriceSpec? ParseOpeningPrice(MappingReader? opening)
    {
        if (opening is null)
        {
            return null;
        }

        var min = opening.Number("min", new NumberRule(0.2, 5));
        var max = opening.Number("max", new NumberRule(0.2, 5));
        if (min > max)
        {
            opening.Errors.Add(opening.Node, opening.FieldPath("max"), $"expected max at least min {min}, found {max}");
        }

        opening.RejectUnknownFields();
        return new OpeningPriceSpec(min, max);
    }

    private static SizeDistributionSpec ParseSize(MappingReader? size)
    {
        if (size is null)
        {
            return new LogNormalSizeSpec(0, 0, 0, 0);
        }

        var distribution = size.Choice("distribution", SizeDistributions);
        SizeDistributionSpec result;
        if (size.HasInvalidChoice)
        {
            result = new LogNormalSizeSpec(0, 0, 0, 0);
        }
        else if (distribution == "pareto")
        {
            var alpha = size.Number("alpha", new NumberRule(0, 100, MinExclusive: true));
            var scale = size.Number("scale", NumberRule.PositiveTokenAmount);
            var (min, max) = ReadClamp(size);
            result = new ParetoSizeSpec(alpha, scale, min, max);
        }
        else
        {
            var mu = size.Number("mu", NumberRule.Between(-50, 50));
            var sigma = size.Number("sigma", NumberRule.Between(0, 10));
            var (min, max) = ReadClamp(size);
            result = new LogNormalSizeSpec(mu, sigma, min, max);
        }

        size.RejectUnknownFields();
        return result;
    }

    private static (double Min, double Max) ReadClamp(MappingReader size)
    {
        var min = size.Number("min", NumberRule.PositiveTokenAmount);
        var max = size.Number("max", NumberRule.PositiveTokenAmount);
        if (min > max)
        {
            size.Errors.Add(size.Node, size.FieldPath("max"), $"expected max at least min {min}, found {max}");
        }

        return (min, max);
    }

    private static LeverageDistributionSpec ParseLeverage(MappingReader? leverage)
    {
        if (leverage is null)
        {
            return new BetaLeverageSpec(1, 1);
        }

        var distribution = leverage.Choice("distribution", LeverageDistributions);
        LeverageDistributionSpec result;
        if (leverage.HasInvalidChoice)
        {
            result = new BetaLeverageSpec(1, 1);
        }
        else if (distribution == "beta")
        {
            result = new BetaLeverageSpec(
                leverage.Number("alpha", new NumberRule(0, 1000, MinExclusive: true)),
                leverage.Number("beta", new NumberRule(0, 1000, MinExclusive: true)));
        }
        else
        {
            var mean = leverage.Number("mean", NumberRule.Fraction);
            var stdev = leverage.Number("stdev", new NumberRule(0, 1, MinExclusive: true));
            var min = leverage.Number("min", NumberRule.Fraction, 0);
            var max = leverage.Number("max", NumberRule.Fraction, 1);
            if (min >= max)
            {
                leverage.Errors.Add(leverage.Node, leverage.FieldPath("max"), $"expected max greater than min {min}, found {max}");
            }

            result = new TruncatedNormalLeverageSpec(mean, stdev, min, max);
        }

        leverage.RejectUnknownFields();
        return result;
    }

    private static List<BehaviourSpec> ParseBehaviours(MappingReader population)
    {
        var mix = population.Mapping("behaviour", required: false);
        if (mix is null)
        {
            return [new PassiveBehaviourSpec(1)];
        }

        var result = new List<BehaviourSpec>();
        if (mix.Mapping("none", required: false) is { } none)
        {
            result.Add(new PassiveBehaviourSpec(none.Number("share", NumberRule.Fraction)));
            none.RejectUnknownFields();
        }

        if (mix.Mapping("topUp", required: false) is { } topUp)
        {
            var share = topUp.Number("share", NumberRule.Fraction);
            var probability = topUp.Number("probability", NumberRule.Fraction);
            var (threshold, target) = ReadHealthRange(topUp);
            result.Add(new TopUpBehaviourSpec(share, probability, threshold, target));
            topUp.RejectUnknownFields();
        }

        if (mix.Mapping("deleverage", required: false) is { } deleverage)
        {
            var share = deleverage.Number("share", NumberRule.Fraction);
            var (threshold, target) = ReadHealthRange(deleverage);
            result.Add(new DeleverageBehaviourSpec(share, threshold, target));
            deleverage.RejectUnknownFields();
        }

        mix.RejectUnknownFields();
        var total = result.Sum(b => b.Share);
        if (result.Count == 0 || (double.IsFinite(total) && Math.Abs(total - 1) > ShareTolerance))
        {
            mix.Errors.Add(mix.Node, mix.Path, $"expected shares of none, topUp and deleverage summing to 1, found a sum of {total:G6}");
        }

        return result;
    }

    private static (double Threshold, double Target) ReadHealthRange(MappingReader behaviour)
    {
        var threshold = behaviour.Number("healthThreshold", NumberRule.Between(1, 10));
        var target = behaviour.Number("targetHealth", new NumberRule(1, 10, MinExclusive: true));
        if (target <= threshold)
        {
            behaviour.Errors.Add(
                behaviour.Node,
                behaviour.FieldPath("targetHealth"),
                $"expected targetHealth above healthThreshold {threshold}, found {target}");
        }

        return (threshold, target);
    }
}
