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

    /// <summary>
    /// Aave v3 and Morpho Blue open every position at the initial price in this build: an imported
    /// position must name no opening price and borrow no more than each design's initial LTV lends there.
    /// (ProtocolLab's market opens a position at its past price, checked when the design opens it.)
    /// </summary>
    public static void ImportedPositionsFit(ProtocolSpec protocol, PopulationSpec population, MarketSpec market, MappingReader populationReader, ErrorCollector errors)
    {
        if (population.Imported is not { } positions || protocol.Kind == ProtocolKind.ProtocolLab || !double.IsFinite(market.InitialPrice))
        {
            return;
        }

        var node = populationReader.Value("positions", false, "") ?? populationReader.Node;
        var path = populationReader.FieldPath("positions");
        var kind = protocol.Kind == ProtocolKind.AaveV3 ? "aave-v3" : "morpho-blue";
        foreach (var p in positions)
        {
            if (p.OpeningPrice is not null)
            {
                errors.Add(node, path, $"line {p.Line}: expected no openingPrice on protocol.kind {kind} (it opens every position at the initial price in this build), found one");
                return;
            }

            foreach (var design in protocol.Designs.Where(d => p.Debt > p.Collateral * market.InitialPrice * d.Base.InitialLtv * (1 + 1e-12)))
            {
                errors.Add(node, path,
                    $"line {p.Line}: expected debt at most collateral x initialPrice x initialLtv of design '{design.Name}' ({p.Collateral * market.InitialPrice * design.Base.InitialLtv:G6}), found {p.Debt:G6}: {kind} would refuse to lend it");
                return;
            }
        }
    }
}
