using YamlDotNet.RepresentationModel;

namespace ProtocolLab.Simulation.Scenarios;

internal static class OracleSectionParser
{
    private static readonly string[] Modes = ["exogenous", "market", "twap", "spot", "chainlink", "median"];
    private static readonly string[] SourceModes = ["exogenous", "chainlink", "market", "twap", "spot"];

    public static OracleSpec Parse(MappingReader oracle)
    {
        var modeText = oracle.Choice("mode", Modes);
        var mode = ModeOf(modeText);
        var deviation = oracle.Number("deviationThreshold", new NumberRule(0, 1, MaxExclusive: true), 0.005);
        var heartbeat = oracle.WholeNumber("heartbeatSeconds", 1, 604_800, 3600);
        var twapWindow = oracle.WholeNumber("twapWindowSeconds", 1, 604_800, 1800);
        var isMedian = mode == OracleMode.Median && !oracle.HasInvalidChoice;
        var sources = isMedian ? ParseSources(oracle) : [];
        var maxDeviation = isMedian
            ? oracle.Number("maxDeviationPerUpdate", new NumberRule(0, 10, MinExclusive: true), 0.5)
            : 0;
        if (!isMedian && !oracle.HasInvalidChoice)
        {
            RefuseUnlessMedian(oracle, "sources", modeText);
            RefuseUnlessMedian(oracle, "maxDeviationPerUpdate", modeText);
        }

        var delay = oracle.WholeNumber("delaySeconds", 0, 604_800, 0);
        oracle.RejectUnknownFields();
        return new OracleSpec(mode, deviation, heartbeat, twapWindow) { Sources = sources, MaxDeviationPerUpdate = maxDeviation, DelaySeconds = delay };
    }

    private static OracleMode ModeOf(string text) => text switch
    {
        "chainlink" => OracleMode.Chainlink,
        "market" => OracleMode.Market,
        "twap" => OracleMode.Twap,
        "spot" => OracleMode.Spot,
        "median" => OracleMode.Median,
        _ => OracleMode.Exogenous,
    };

    /// <summary>An odd count from 3 to 7 of source modes; a median of medians is not a source.</summary>
    private static List<OracleMode> ParseSources(MappingReader oracle)
    {
        var expectation = $"a list of 3, 5 or 7 sources, each one of {string.Join(", ", SourceModes)}";
        var node = oracle.Value("sources", required: true, expectation);
        if (node is null)
        {
            return [];
        }

        if (node is not YamlSequenceNode sequence)
        {
            oracle.Errors.Expected(node, oracle.FieldPath("sources"), expectation);
            return [];
        }

        var sources = new List<OracleMode>();
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            if (MappingReader.ParseChoice(sequence.Children[i], $"{oracle.FieldPath("sources")}[{i}]", SourceModes, oracle.Errors) is { } text)
            {
                sources.Add(ModeOf(text));
            }
        }

        var count = sequence.Children.Count;
        if (count is < 3 or > 7 || count % 2 == 0)
        {
            oracle.Errors.Add(sequence, oracle.FieldPath("sources"),
                $"expected an odd number of sources from 3 to 7 (an even count has no single middle answer), found {count}");
        }

        return sources;
    }

    private static void RefuseUnlessMedian(MappingReader oracle, string key, string modeText)
    {
        if (oracle.Value(key, required: false, "nothing") is { } value)
        {
            oracle.Errors.Add(value, oracle.FieldPath(key), $"expected no {key} unless mode is median (mode is {modeText}); remove it");
        }
    }
}
