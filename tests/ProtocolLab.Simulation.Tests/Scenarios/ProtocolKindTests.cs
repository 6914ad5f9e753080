using ProtocolLab.Simulation.Scenarios;

namespace ProtocolLab.Simulation.Tests.Scenarios;

public class ProtocolKindTests
{
    private const string FixedDesign = "parameters: { initialLtv: 0.75, liquidationThreshold: 0.8, closeFactor: 0.5, bonus: 0.05 }";

    private static string On(string kind, string parameters) => ScenarioYaml.Valid
        .Replace("  designs:\n", $"  kind: {kind}\n  designs:\n")
        .Replace(FixedDesign, parameters);

    [Fact]
    public void Parse_NoKind_RunsProtocolLabsOwnMarket()
    {
        // Given the valid scenario, which names no protocol
        // When it is loaded
        var scenario = ScenarioYaml.Load(ScenarioYaml.Valid);

        // Then it runs ProtocolLab's market
        Assert.Equal(ProtocolKind.ProtocolLab, scenario.Protocol.Kind);
    }

    [Fact]
    public void Parse_AaveDesign_TakesAavesCloseFactorRule()
    {
        // Given an Aave v3 design without a close factor
        var yaml = On("aave-v3", "parameters: { initialLtv: 0.75, liquidationThreshold: 0.8, bonus: 0.05 }");

        // When it is loaded
        var scenario = ScenarioYaml.Load(yaml);

        // Then the design keeps its numbers and Aave's 50% close factor
        Assert.Equal(ProtocolKind.AaveV3, scenario.Protocol.Kind);
        Assert.Equal(new BaseMarginParameters(0.75, 0.8, 0.5, 0.05), scenario.Protocol.Designs[0].Base);
    }

    [Fact]
    public void Parse_AaveDesignWithCloseFactorOrFractionalBasisPoints_NamesBoth()
    {
        // Given an Aave v3 design with a close factor and a threshold finer than a basis point
        var yaml = On("aave-v3", "parameters: { initialLtv: 0.75, liquidationThreshold: 0.80005, closeFactor: 0.5, bonus: 0.05 }");

        // When it is loaded
        var errors = ScenarioYaml.Errors(yaml);

        // Then both are refused, with Aave's reason
        Assert.Contains(errors, e => e.Contains("protocol.designs[0].parameters.closeFactor: expected no closeFactor here (Aave v3 applies its own close factor", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("parameters.liquidationThreshold: expected a multiple of 0.0001 (Aave v3 stores basis points), found 0.80005", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_MorphoDesign_DerivesTheIncentiveFromTheLltv()
    {
        // Given a Morpho Blue design with an LLTV of 0.86
        var yaml = On("morpho-blue", "parameters: { initialLtv: 0.8, liquidationThreshold: 0.86 }");

        // When it is loaded
        var design = ScenarioYaml.Load(yaml).Protocol.Designs[0];

        // Then the bonus is Morpho's incentive factor minus one: 1 / (1 - 0.3 x 0.14) - 1 = 4.38%
        Assert.Equal(1 / (1 - (0.3 * 0.14)) - 1, design.Base.Bonus, 12);
        Assert.Equal(1, design.Base.CloseFactor);
    }

    [Fact]
    public void Parse_MorphoDynamicDesign_IsRefusedBecauseTheLltvIsImmutable()
    {
        // Given a dynamic design on Morpho Blue
        var yaml = On("morpho-blue", "parameters: { initialLtv: 0.8, liquidationThreshold: 0.86 }").Replace("model: fixed", "model: dynamic");

        // When it is loaded
        var errors = ScenarioYaml.Errors(yaml);

        // Then the model is refused, saying why
        Assert.Contains(errors, e => e.Contains("protocol.designs[0].model: expected fixed on protocol.kind morpho-blue (Morpho Blue's LLTV is immutable", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_UnknownKind_ListsTheChoices()
    {
        // Given a protocol that does not exist
        var yaml = On("compound", FixedDesign);

        // When it is loaded
        var errors = ScenarioYaml.Errors(yaml);

        // Then the error names the field and the three choices
        Assert.Contains(errors, e => e.Contains("protocol.kind: expected one of", StringComparison.Ordinal) && e.Contains("morpho-blue", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_AaveDynamicDesignWithDepthHaircut_IsRefusedForTheReserveWideSteward()
    {
        // Given a dynamic design on Aave v3 asking for a per-position depth haircut
        var yaml = On("aave-v3", "parameters: { initialLtv: 0.75, liquidationThreshold: 0.8, bonus: 0.05, volatilitySensitivity: 2, liquiditySensitivity: 0.1, minThreshold: 0.65, maxThreshold: 0.8, maxThresholdChangePerBlock: 0.005 }")
            .Replace("model: fixed", "model: dynamic");

        // When it is loaded
        var errors = ScenarioYaml.Errors(yaml);

        // Then only the depth haircut is refused, saying why
        var error = Assert.Single(errors);
        Assert.Contains("parameters.liquiditySensitivity: expected 0 on protocol.kind aave-v3 (its risk steward sets one threshold for the whole reserve", error);
    }
}
