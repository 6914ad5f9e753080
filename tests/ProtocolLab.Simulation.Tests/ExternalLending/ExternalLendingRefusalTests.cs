using ProtocolLab.Chain;
using ProtocolLab.Simulation.AaveV3;
using ProtocolLab.Simulation.MorphoBlue;
using ProtocolLab.Simulation.Scenarios;

namespace ProtocolLab.Simulation.Tests.ExternalLending;

/// <summary>
/// The refusals both external debt protocols share, worded per protocol from one rule: each names the
/// field, the protocol and what to do instead, before anything touches a chain.
/// </summary>
public sealed class ExternalLendingRefusalTests
{
    [Theory]
    [InlineData("aave-v3", "oracle:\n  mode: exogenous", "oracle:\n  mode: twap\n  twapWindowSeconds: 60",
        "oracle.mode: aave-v3 reads the keeper's pushed feed through AaveOracle; use exogenous, chainlink or market")]
    [InlineData("aave-v3", "  kind: aave-v3", "  kind: aave-v3\n  insuranceFund: 1000",
        "protocol.insuranceFund: Aave v3 has no insurance fund that covers bad debt (its treasury takes a protocol fee); remove it")]
    [InlineData("morpho-blue", "oracle:\n  mode: exogenous", "oracle:\n  mode: spot",
        "oracle.mode: morpho-blue reads the keeper's pushed feed through MorphoOracleAdapter; use exogenous or market")]
    [InlineData("morpho-blue", "  kind: morpho-blue", "  kind: morpho-blue\n  insuranceFund: 1000",
        "protocol.insuranceFund: Morpho Blue has no insurance fund: a market's bad debt is written off against its suppliers at once; remove it")]
    public async Task CreateAsync_FieldTheProtocolDoesNotModel_IsRefusedInTheProtocolsWords(string kind, string from, string to, string expected)
    {
        // Given the protocol's step fixture, with arbitrage so that every oracle mode is valid, and one field it does not model
        var scenario = Variant(kind, from, to);

        // When its adapter is asked to deploy it
        var error = await Assert.ThrowsAsync<UserInputException>(() => kind == "aave-v3"
            ? AaveV3Adapter.CreateAsync(null!, null!, default, scenario, scenario.Protocol.Designs[0], CancellationToken.None)
            : MorphoBlueAdapter.CreateAsync(null!, null!, default, scenario, scenario.Protocol.Designs[0], CancellationToken.None));

        // Then the message is the file's, then the field's and the protocol's reason
        Assert.Equal($"{scenario.SourcePath}: {expected}", error.Message);
    }

    private static Scenario Variant(string kind, string from, string to)
    {
        var (folder, file) = kind == "aave-v3" ? ("AaveV3", "aave-step-no-impact.yaml") : ("MorphoBlue", "morpho-step-no-impact.yaml");
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, folder, "Scenarios", file))
            .Replace("arbitrageCapitalPerBlock: 0", "arbitrageCapitalPerBlock: 25_000", StringComparison.Ordinal)
            .Replace("arbitrageur: { enabled: false }", "arbitrageur: { enabled: true }", StringComparison.Ordinal)
            .Replace(from, to, StringComparison.Ordinal);
        var path = Path.Combine(Path.GetTempPath(), $"refused-{kind}-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, text);
        try
        {
            return ScenarioLoader.Load(path);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
