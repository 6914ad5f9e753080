namespace ProtocolLab.Simulation.Scenarios;

/// <summary>
/// Worlds whose fields are each valid but which cannot measure a cascade together: refused when the
/// scenario is read. Worlds that only turn out degenerate are flagged after the run (Engine/RunDiagnostics).
/// </summary>
internal static class WorldChecks
{
    /// <summary>
    /// A pair-reading oracle follows the price path only through the arbitrageur: without arbitrage
    /// capital the pair, and so the oracle, never moves, and a crash would pass every budget unseen. A
    /// median whose majority of sources reads the pair is such an oracle too.
    /// </summary>
    public static void OracleSeesThePricePath(OracleSpec oracle, AgentsSpec agents, MappingReader oracleReader, ErrorCollector errors)
    {
        var pairSources = oracle.Feeds.Count(OracleSpec.ReadsPair);
        if (pairSources <= oracle.Feeds.Count / 2 || agents.HasArbitrage)
        {
            return;
        }

        var node = oracleReader.Value("mode", false, "") ?? oracleReader.Node;
        var found = oracle.Mode == OracleMode.Median
            ? $"median with {pairSources} of its {oracle.Feeds.Count} sources reading the pair (a majority, so the median stays at the pair's price)"
            : oracle.Mode.ToString().ToLowerInvariant();
        errors.Add(node, oracleReader.FieldPath("mode"),
            $"expected exogenous or chainlink, or an arbitrageur with capital, found {found}: this oracle reads the pair, "
            + "and with agents.arbitrageur disabled or no arbitrage capital (market.arbitrageCapitalPerBlock, agents.arbitrageur.capitalPerBlock, agents.arbitrageurs) "
            + "nothing moves the pair, so the oracle never sees the price path");
    }
}
