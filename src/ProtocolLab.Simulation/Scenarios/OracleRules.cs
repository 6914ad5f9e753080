namespace ProtocolLab.Simulation.Scenarios;

/// <summary>
/// Oracle fields that are each valid but do not fit the rest of the scenario: the market that reads the
/// feed (options vault, real protocols), the block time and the market's staleness limit.
/// </summary>
internal static class OracleRules
{
    public static void Check(OracleSpec oracle, MappingReader reader, ProtocolSpec protocol, int blockTimeSeconds, bool optionsScenario)
    {
        if (reader.HasInvalidChoice)
        {
            return;
        }

        var modeNode = reader.Value("mode", false, "") ?? reader.Node;
        var mode = oracle.Mode.ToString().ToLowerInvariant();
        if (optionsScenario && oracle.Mode is OracleMode.Twap or OracleMode.Spot or OracleMode.Median)
        {
            reader.Errors.Add(reader.Node, "oracle.mode", $"expected exogenous, chainlink or market in an options scenario (the vault reads a push feed), found {mode}");
        }
        else if (protocol.Kind != ProtocolKind.ProtocolLab && oracle.Mode == OracleMode.Median)
        {
            reader.Errors.Add(modeNode, reader.FieldPath("mode"),
                $"expected exogenous, chainlink, market, twap or spot on protocol.kind {RealProtocolRules.Name(protocol.Kind)} (the median feed is modelled for protocol.kind protocollab), found median");
        }

        if (oracle.DelaySeconds == 0 || reader.Value("delaySeconds", false, "") is not { } delayNode)
        {
            return;
        }

        var path = reader.FieldPath("delaySeconds");
        if (optionsScenario || protocol.Kind != ProtocolKind.ProtocolLab)
        {
            var market = optionsScenario ? "an options scenario" : $"protocol.kind {RealProtocolRules.Name(protocol.Kind)}";
            reader.Errors.Add(delayNode, path, $"expected 0 in {market} (the delay module is modelled for ProtocolLab's lending market), found {oracle.DelaySeconds}");
        }
        else if (oracle.DelaySeconds % blockTimeSeconds != 0)
        {
            reader.Errors.Add(delayNode, path,
                $"expected a multiple of blockTimeSeconds ({blockTimeSeconds}) so that every hop is a whole number of blocks, found {oracle.DelaySeconds}");
        }
        else if (oracle.DelaySeconds > protocol.MaxOracleAgeSeconds)
        {
            reader.Errors.Add(delayNode, path,
                $"expected at most protocol.maxOracleAgeSeconds ({protocol.MaxOracleAgeSeconds}): the delayed answer is republished once a hop, so a longer hop leaves the market on a stale answer; found {oracle.DelaySeconds}");
        }
    }
}
