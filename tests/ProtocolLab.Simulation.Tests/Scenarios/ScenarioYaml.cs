using ProtocolLab.Simulation.Scenarios;

namespace ProtocolLab.Simulation.Tests.Scenarios;

/// <summary>A small valid scenario, and helpers to load variants of it.</summary>
internal static class ScenarioYaml
{
    public const string Valid = """
        name: unit
        seed: 1
        blocks: 10
        market:
          collateral: { symbol: WETH, decimals: 18 }
          loan: { symbol: USDC, decimals: 6 }
          initialPrice: 2000
          pairDepth: 1_000_000
          arbitrageCapitalPerBlock: 10000
          lenderSupply: 5000000
        protocol:
          designs:
            - name: fixed
              model: fixed
              parameters: { initialLtv: 0.75, liquidationThreshold: 0.8, closeFactor: 0.5, bonus: 0.05 }
        population:
          borrowers: 10
          size: { distribution: pareto, alpha: 1.5, scale: 1, min: 1, max: 100 }
          leverage: { distribution: beta, alpha: 8, beta: 2 }
        agents:
          liquidators:
            - name: bot
              capital: 100000
              gasBid: { strategy: fixed, priorityFeeGwei: 1 }
        oracle:
          mode: exogenous
        pricePath:
          kind: step
          at: 3
          drop: 0.3
        """;

    public static Scenario Load(string yaml, string? baseDirectory = null) =>
        ScenarioLoader.Parse(yaml, "test.yaml", baseDirectory ?? Path.GetTempPath());

    /// <summary>The formatted errors of an invalid scenario (fails the test if it loads).</summary>
    public static IReadOnlyList<string> Errors(string yaml, string? baseDirectory = null)
    {
        var exception = Assert.Throws<ScenarioLoadException>(() => Load(yaml, baseDirectory));
        return exception.Errors.Select(e => e.ToString()).ToList();
    }

    /// <summary>Replaces exactly one occurrence of <paramref name="old"/> in the valid scenario.</summary>
    public static string With(string old, string replacement)
    {
        var index = Valid.IndexOf(old, StringComparison.Ordinal);
        Assert.True(index >= 0 && Valid.IndexOf(old, index + 1, StringComparison.Ordinal) < 0, $"'{old}' must occur exactly once");
        return Valid[..index] + replacement + Valid[(index + old.Length)..];
    }
}
