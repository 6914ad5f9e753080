using ProtocolLab.Simulation.Scenarios;

namespace ProtocolLab.Simulation.Tests.Scenarios;

/// <summary>model: tiered with designs[].healthBands.</summary>
public sealed class HealthBandsSectionTests
{

    private static string Tiered(string bands) =>
        ScenarioYaml.With("      model: fixed\n", "      model: tiered\n      healthBands: " + bands + "\n");

    [Fact]
    public void Load_AavePreset_ReadsTheBandWithTheBaseBonusByDefault()
    {
        var design = ScenarioYaml.Load(Tiered("[{ below: 0.95, closeFactor: 1.0 }]")).Protocol.Designs[0];
        Assert.Equal(MarginModelKind.Tiered, design.Model);
        Assert.Equal("TieredMargin", design.Contract);
        Assert.Equal([new HealthBandSpec(0.95, 1.0, 0.05)], design.HealthBands);
    }

    [Fact]
    public void Load_BadBands_NameTheField()
    {
        var errors = ScenarioYaml.Errors(Tiered("[{ below: 0.95, closeFactor: 1.0 }, { below: 0.97, closeFactor: 0, bonus: 0.3 }]"));
        Assert.Contains(errors, e => e.Contains("healthBands[1].below: expected below under the previous band's 0.95", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("healthBands[1].closeFactor", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("healthBands[1].bonus: expected liquidationThreshold x (1 + bonus) < 1", StringComparison.Ordinal));
        Assert.Contains(ScenarioYaml.Errors(ScenarioYaml.With("      model: fixed\n", "      model: tiered\n")), e => e.Contains("healthBands", StringComparison.Ordinal));
        Assert.Contains(ScenarioYaml.Errors(ScenarioYaml.With("      model: fixed\n", "      model: fixed\n      healthBands: [{ below: 0.9, closeFactor: 1 }]\n")),
            e => e.Contains("expected healthBands only on a tiered design", StringComparison.Ordinal));
    }
}
