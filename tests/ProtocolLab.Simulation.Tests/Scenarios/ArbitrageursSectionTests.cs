using ProtocolLab.Simulation.Scenarios;

namespace ProtocolLab.Simulation.Tests.Scenarios;

public class ArbitrageursSectionTests
{
    private const string Bot = "      gasBid: { strategy: fixed, priorityFeeGwei: 1 }\n";

    [Fact]
    public void Parse_CompetingArbitrageurs_ReplaceTheSimpleOne()
    {
        // Given two competing arbitrageurs, one back-running with a latency, and the market's default arbitrage capital
        var yaml = ScenarioYaml.With(Bot, Bot + """
              arbitrageurs:
                - { name: fast, capitalPerBlock: 1_000_000, backRun: true }
                - { name: slow, capitalPerBlock: 50_000, inventory: 200_000, latencyBlocks: 2, priorityFeeGwei: 7, minProfit: 10 }

            """);

        // When it is loaded
        var agents = ScenarioYaml.Load(yaml).Agents;

        // Then both are read with their defaults, and the simple arbitrageur is off
        Assert.Equal(
            [new CompetingArbitrageurSpec("fast", 1_000_000, null, 0, 2, true, 0), new CompetingArbitrageurSpec("slow", 50_000, 200_000, 2, 7, false, 10)],
            agents.Arbitrageurs);
        Assert.False(agents.Arbitrageur.Enabled);
        Assert.True(agents.HasArbitrage);
    }

    [Fact]
    public void Parse_BothArbitrageurKindsAndBadFields_NamesEach()
    {
        // Given the simple arbitrageur next to competing ones, a duplicate name, a negative latency and no capital
        var yaml = ScenarioYaml.With(Bot, Bot + """
              arbitrageur: { enabled: true }
              arbitrageurs:
                - { name: a, capitalPerBlock: 10, latencyBlocks: -1 }
                - { name: a }

            """);

        // When it is loaded
        var errors = ScenarioYaml.Errors(yaml);

        // Then each problem names its field
        Assert.Contains(errors, e => e.Contains("agents.arbitrageur: expected either arbitrageur (the simple one) or arbitrageurs (competing ones), found both", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("agents.arbitrageurs[1].name: expected an arbitrageur name not used before", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("agents.arbitrageurs[0].latencyBlocks", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("agents.arbitrageurs[1].capitalPerBlock", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_PairOracleWithCompetingArbitrageursOnly_IsAccepted()
    {
        // Given a market oracle, no simple arbitrageur capital, and one competing arbitrageur
        var yaml = ScenarioYaml.With(Bot, Bot + "  arbitrageurs: [{ name: only, capitalPerBlock: 5000 }]\n")
            .Replace("arbitrageCapitalPerBlock: 10000", "arbitrageCapitalPerBlock: 0")
            .Replace("mode: exogenous", "mode: market");

        // When it is loaded, then the oracle sees the price path through that arbitrageur
        Assert.Equal(OracleMode.Market, ScenarioYaml.Load(yaml).Oracle.Mode);
    }
}
