namespace ProtocolLab.Simulation.Scenarios;

/// <summary>
/// Worlds whose fields are each valid but which cannot measure a cascade together: refused when the
/// scenario is read. Worlds that only turn out degenerate are flagged after the run (Engine/RunDiagnostics).
/// </summary>
internal static class WorldChecks
{
    /// <summary>
    /// A pair-reading oracle follows the price path only through the arbitrageur: without arbitrage
    /// capital the pair, and so the oracle, never moves, and a crash would pass every budget unseen.
    /// </summary>
    public static void OracleSeesThePricePath(OracleSpec oracle, AgentsSpec agents, MappingReader oracleReader, ErrorCollector errors)
    {
        if (oracle.Mode is OracleMode.Exogenous || agents.HasArbitrage)
        {
            return;
        }

        var node = oracleReader.Value("mode", false, "") ?? oracleReader.Node;
        errors.Add(node, oracleReader.FieldPath("mode"),
            $"expected exogenous, or an arbitrageur with capital, found {oracle.Mode.ToString().ToLowerInvariant()}: this oracle reads the pair, "
            + "and with agents.arbitrageur disabled or no arbitrage capital (market.arbitrageCapitalPerBlock, agents.arbitrageur.capitalPerBlock, agents.arbitrageurs) "
            + "nothing moves the pair, so the oracle never sees the price path");
    }
}
