namespace ProtocolLab.Simulation.Scenarios;

internal static class OracleSectionParser
{
    private static readonly string[] Modes = ["exogenous", "market", "twap", "spot"];

    public static OracleSpec Parse(MappingReader oracle)
    {
        var mode = oracle.Choice("mode", Modes) switch
        {
            "market" => OracleMode.Market,
            "twap" => OracleMode.Twap,
            "spot" => OracleMode.Spot,
            _ => OracleMode.Exogenous,
        };
        var deviation = oracle.Number("deviationThreshold", new NumberRule(0, 1, MaxExclusive: true), 0.005);
        var heartbeat = oracle.WholeNumber("heartbeatSeconds", 1, 604_800, 3600);
        var twapWindow = oracle.WholeNumber("twapWindowSeconds", 1, 604_800, 1800);
        oracle.RejectUnknownFields();
        return new OracleSpec(mode, deviation, heartbeat, twapWindow);
    }
}
