using ProtocolLab.Simulation.Scenarios;

namespace ProtocolLab.Simulation.Tests.Scenarios;

public class GasSectionTests
{
    [Fact]
    public void Parse_NoGasSection_KeepsTheSetUpBlocks()
    {
        Assert.Null(ScenarioYaml.Load(ScenarioYaml.Valid).Gas);
    }

    [Fact]
    public void Parse_GasSection_ReadsTheLimitBaseFeeAndWindows()
    {
        // Given a gas section with one congestion window and the defaults otherwise
        var yaml = ScenarioYaml.Valid + "\ngas:\n  background:\n    - { from: 3, to: 5, gasPerBlock: 25_000_000, priorityFeeGwei: 80 }\n";

        // When it is loaded, then a 30M limit, a 10 gwei base fee and the window
        Assert.Equal(new GasSpec(30_000_000, 10, [new CongestionWindow(3, 5, 25_000_000, 80)]), ScenarioYaml.Load(yaml).Gas, new GasSpecComparer());
    }

    [Fact]
    public void Parse_BadWindow_NamesItsFields()
    {
        // Given a window that ends before it starts, past the scenario, and asks for more than four blocks' worth of gas
        var yaml = ScenarioYaml.Valid + "\ngas:\n  blockGasLimit: 15_000_000\n  background:\n    - { from: 5, to: 4, gasPerBlock: 60_000_001, priorityFeeGwei: 1 }\n    - { from: 1, to: 11, gasPerBlock: 1, priorityFeeGwei: 1 }\n";

        // When it is loaded
        var errors = ScenarioYaml.Errors(yaml);

        // Then each names its field
        Assert.Contains(errors, e => e.Contains("gas.background[0].to: expected to at least from 5, found 4", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("gas.background[0].gasPerBlock: expected at most 4 x blockGasLimit 60,000,000, found 60,000,001", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("gas.background[1].to", StringComparison.Ordinal));
    }

    private sealed class GasSpecComparer : IEqualityComparer<GasSpec?>
    {
        public bool Equals(GasSpec? x, GasSpec? y) =>
            x is not null && y is not null && x.BlockGasLimit == y.BlockGasLimit && x.BaseFeeGwei == y.BaseFeeGwei && x.Background.SequenceEqual(y.Background);

        public int GetHashCode(GasSpec? obj) => 0;
    }
}
