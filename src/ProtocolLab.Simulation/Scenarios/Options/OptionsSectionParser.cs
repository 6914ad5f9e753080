namespace ProtocolLab.Simulation.Scenarios.Options;

/// <summary>Parses the top-level <c>options:</c> section; every error names the field and what was expected.</summary>
internal static class OptionsSectionParser
{
    private static readonly string[] Types = ["put", "call"];
    private static readonly string[] Rebalance = ["everyBlock", "band"];

    public static OptionsSpec Parse(MappingReader options, int blocks)
    {
        var series = ParseSeries(options);
        var writers = ParseWriters(options.Mapping("writers"));
        var buyers = ParseBuyers(options.Mapping("buyers", required: false));
        var hedgers = ParseHedgers(options.Mapping("hedgers", required: false), series.Count);
        var volatility = ParseVolatility(options.Mapping("volatility", required: false));
        var implied = ParseImplied(options.Mapping("impliedVolatility", required: false), volatility, blocks);
        var penalty = options.Number("liquidationPenalty", NumberRule.Between(0, 0.5), 0.1);
        var spread = options.Number("premiumSpread", NumberRule.Between(0, 1), 0.02);
        options.RejectUnknownFields();
        return new OptionsSpec(series, writers, buyers, hedgers, volatility, implied, penalty, spread);
    }

    private static List<OptionSeriesSpec> ParseSeries(MappingReader options)
    {
        var result = new List<OptionSeriesSpec>();
        var sequence = options.Sequence("series", required: true);
        if (sequence is null)
            return result;
        if (sequence.Children.Count is 0 or > 32)
            options.Errors.Add(sequence, options.FieldPath("series"), $"expected 1 to 32 series, found {sequence.Children.Count}");
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var path = $"{options.FieldPath("series")}[{i}]";
            if (MappingReader.Open(sequence.Children[i], path, options.Errors) is not { } s)
                continue;
            var isCall = s.Choice("type", Types) == "call";
            var strike = s.Number("strike", new NumberRule(0.1, 10));
            var expiry = s.WholeNumber("expirySeconds", 3_600, 31_622_400);
            var covered = s.Boolean("underlyingCollateral", false);
            if (covered && !isCall)
                s.Errors.Add(s.Node, s.FieldPath("underlyingCollateral"), "expected false for a put (only calls may be collateralized with the underlying), found true");
            s.RejectUnknownFields();
            result.Add(new OptionSeriesSpec(isCall, covered, strike, expiry));
        }
        return result;
    }

    private static OptionWritersSpec ParseWriters(MappingReader? writers)
    {
        if (writers is null)
            return new OptionWritersSpec(0, 0, 0, 0, 0);
        var count = writers.WholeNumber("count", 0, 10_000);
        var (minSize, maxSize) = Range(writers, "size", NumberRule.PositiveTokenAmount);
        var (minRatio, maxRatio) = Range(writers, "collateralRatio", new NumberRule(1, 100));
        writers.RejectUnknownFields();
        return new OptionWritersSpec(count, minSize, maxSize, minRatio, maxRatio);
    }

    private static OptionBuyersSpec ParseBuyers(MappingReader? buyers)
    {
        if (buyers is null)
            return new OptionBuyersSpec(1, 0.5);
        var count = buyers.WholeNumber("count", 1, 1_000, 1);
        var share = buyers.Number("share", NumberRule.Fraction, 0.5);
        buyers.RejectUnknownFields();
        return new OptionBuyersSpec(count, share);
    }

    private static OptionHedgersSpec ParseHedgers(MappingReader? hedgers, int seriesCount)
    {
        if (hedgers is null)
            return new OptionHedgersSpec(0, 0, 0, 1, 0);
        var count = hedgers.WholeNumber("count", 0, 100);
        var size = hedgers.Number("optionsEach", NumberRule.PositiveTokenAmount);
        var series = hedgers.WholeNumber("series", 0, 31, 0);
        if (seriesCount > 0 && series >= seriesCount)
            hedgers.Errors.Add(hedgers.Node, hedgers.FieldPath("series"), $"expected the index of a series in options.series (0 to {seriesCount - 1}), found {series}");
        var ratio = hedgers.Number("collateralRatio", new NumberRule(1, 100), 1.5);
        var band = ParseRebalance(hedgers);
        hedgers.RejectUnknownFields();
        return new OptionHedgersSpec(count, size, series, ratio, band);
    }

    /// <summary><c>rebalance: everyBlock</c> or <c>rebalance: { band: 0.05 }</c>.</summary>
    private static double ParseRebalance(MappingReader hedgers)
    {
        const string expectation = "everyBlock or a mapping { band: fraction of optionsEach }";
        var node = hedgers.Value("rebalance", required: false, expectation);
        var path = hedgers.FieldPath("rebalance");
        if (node is null)
            return 0;
        if (node is YamlDotNet.RepresentationModel.YamlScalarNode)
        {
            MappingReader.ParseChoice(node, path, Rebalance[..1], hedgers.Errors);
            return 0;
        }
        if (MappingReader.Open(node, path, hedgers.Errors) is not { } rebalance)
            return 0;
        var band = rebalance.Number("band", new NumberRule(0, 1, MinExclusive: true));
        rebalance.RejectUnknownFields();
        return band;
    }

    private static VolatilitySpec ParseVolatility(MappingReader? volatility)
    {
        if (volatility is null)
            return new VolatilitySpec(0.6, 0.1, 5, 0.94);
        var initial = volatility.Number("initial", new NumberRule(0, 10), 0.6);
        var min = volatility.Number("min", new NumberRule(0, 10), 0.1);
        var max = volatility.Number("max", new NumberRule(0, 10, MinExclusive: true), 5);
        var decay = volatility.Number("ewmaDecay", new NumberRule(0, 1, MaxExclusive: true), 0.94);
        if (min > max)
            volatility.Errors.Add(volatility.Node, volatility.FieldPath("min"), $"expected min <= max ({max}), found {min}");
        volatility.RejectUnknownFields();
        return new VolatilitySpec(initial, min, max, decay);
    }

    private static ImpliedVolatilitySpec ParseImplied(MappingReader? implied, VolatilitySpec volatility, int blocks)
    {
        if (implied is null)
            return new ImpliedVolatilitySpec(volatility.Initial, null, 0);
        var rule = new NumberRule(0, double.IsFinite(volatility.Max) ? volatility.Max : 10);
        var initial = implied.Number("initial", rule, volatility.Initial);
        var spike = implied.Mapping("spike", required: false);
        implied.RejectUnknownFields();
        if (spike is null)
            return new ImpliedVolatilitySpec(initial, null, 0);
        var at = spike.WholeNumber("at", 1, Math.Max(1, blocks));
        var to = spike.Number("to", rule);
        spike.RejectUnknownFields();
        return new ImpliedVolatilitySpec(initial, at, to);
    }

    /// <summary>A number, or a mapping { min, max } with min &lt;= max.</summary>
    private static (double Min, double Max) Range(MappingReader parent, string key, NumberRule rule)
    {
        var expectation = $"{rule.Describe()} or a mapping {{ min, max }}";
        var node = parent.Value(key, required: true, expectation);
        var path = parent.FieldPath(key);
        if (node is null)
            return (double.NaN, double.NaN);
        if (node is YamlDotNet.RepresentationModel.YamlScalarNode)
        {
            var value = MappingReader.ParseNumber(node, path, rule, parent.Errors) ?? double.NaN;
            return (value, value);
        }
        if (MappingReader.Open(node, path, parent.Errors) is not { } range)
            return (double.NaN, double.NaN);
        var min = range.Number("min", rule);
        var max = range.Number("max", rule);
        if (min > max)
            range.Errors.Add(range.Node, range.FieldPath("min"), $"expected min <= max ({max}), found {min}");
        range.RejectUnknownFields();
        return (min, max);
    }
}
