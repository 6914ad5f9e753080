using ProtocolLab.Simulation.Lending;
using ProtocolLab.Simulation.Scenarios;

namespace ProtocolLab.Simulation.Tests.Scenarios;

/// <summary>designs[].insurance: the design's insurance fund, its share of the penalty, and the loss order.</summary>
public sealed class InsuranceSectionTests
{
    private const string Design = "      parameters: { initialLtv: 0.75, liquidationThreshold: 0.8, closeFactor: 0.5, bonus: 0.05 }";

    private static string With(string insurance) => ScenarioYaml.With(Design, Design + "\n      insurance: " + insurance);

    [Fact]
    public void Load_NoInsurance_IsTheProtocolsFundPaidFirst()
    {
        // Given a design without an insurance field, when it is loaded and translated for the kit
        var scenario = ScenarioYaml.Load(ScenarioYaml.With(Design, Design));
        var options = LendingScenarioKit.Options(scenario, scenario.Protocol.Designs[0]);

        // Then it has the protocol's fund, half the penalty into it, and the fund pays bad debt first
        Assert.Null(scenario.Protocol.Designs[0].Insurance);
        Assert.True(options.InsuranceCoversBadDebt);
        Assert.Equal(ProtocolLab.Protocols.Wad.Of(0.5), options.InsuranceShare);
    }

    [Fact]
    public void Load_LendersFirst_ReadsEveryFieldAndTheKitFollowsIt()
    {
        // Given a design with its own fund, a fifth of the penalty into it, and lenders bearing losses alone
        var scenario = ScenarioYaml.Load(With("{ fund: 1_000, feeShare: 0.2, lossOrder: lenders }"));
        var design = scenario.Protocol.Designs[0];

        // When it is translated for the kit
        var options = LendingScenarioKit.Options(scenario, design);

        // Then each field reaches the market's deployment
        Assert.Equal(new InsuranceSpec(1_000, 0.2, false), design.Insurance);
        Assert.False(options.InsuranceCoversBadDebt);
        Assert.Equal(ProtocolLab.Protocols.Wad.Of(0.2), options.InsuranceShare);
        Assert.Equal(new System.Numerics.BigInteger(1_000_000_000), options.InsuranceSeed); // 1,000 USDC in 6-decimal units
    }

    [Fact]
    public void Load_BadInsurance_NamesEachField()
    {
        var errors = ScenarioYaml.Errors(With("{ fund: -1, feeShare: 2, lossOrder: borrowers }"));
        Assert.Contains(errors, e => e.Contains("insurance.fund", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("insurance.feeShare", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("insurance.lossOrder", StringComparison.Ordinal) && e.Contains("fundFirst", StringComparison.Ordinal));
        Assert.Contains(ScenarioYaml.Errors(With("{ lossOrder: lenders, extra: 1 }")), e => e.Contains("insurance.extra", StringComparison.Ordinal) && e.Contains("unknown field", StringComparison.Ordinal));
    }
}
