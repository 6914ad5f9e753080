namespace ProtocolLab.Simulation.Tests.Scenarios;

/// <summary>Numbers the contracts cannot hold are refused when the scenario is read, not reverted mid-run.</summary>
public class ScenarioBoundsTests
{
    [Fact]
    public void Parse_LoanDecimals30_IsAnErrorNamingTheLimit()
    {
        // Given a loan token with 30 decimals (the oracles and the market's price scale hold at most 18)
        var yaml = ScenarioYaml.With("loan: { symbol: USDC, decimals: 6 }", "loan: { symbol: USDC, decimals: 30 }");

        // When it is loaded
        var error = Assert.Single(ScenarioYaml.Errors(yaml));

        // Then the field and the bound are named
        Assert.Contains("market.loan.decimals: expected a whole number from 0 to 18, found \"30\"", error);
    }

    [Fact]
    public void Parse_PairDepthBeyondUint112_IsAnError()
    {
        // Given a pair so deep both reserves in base units exceed Uniswap V2's uint112 reserves
        var yaml = ScenarioYaml.With("pairDepth: 1_000_000", "pairDepth: 1e28");

        // When it is loaded
        var errors = ScenarioYaml.Errors(yaml);

        // Then each side is refused, naming the pair's reserve type
        Assert.Equal(2, errors.Count);
        Assert.All(errors, e => Assert.Contains("market.pairDepth: expected a", e));
        Assert.All(errors, e => Assert.Contains("uint112", e));
    }

    [Fact]
    public void Parse_PairTooShallowToMint_IsAnError()
    {
        // Given a pair of 0.000001 USDC a side: 1 base unit of loan, too little to trade or even mint liquidity
        var yaml = ScenarioYaml.With("pairDepth: 1_000_000", "pairDepth: 0.000001");

        // When it is loaded
        var error = Assert.Single(ScenarioYaml.Errors(yaml));

        // Then it is refused as a pair nothing can trade against
        Assert.Contains("market.pairDepth:", error);
        Assert.Contains("too shallow", error);
    }

    [Fact]
    public void Parse_TokenAmountBeyondWhatUint256MathHolds_IsAnError()
    {
        // Given a lender supply of 1e70 USDC (its base units times the market's scales overflow uint256)
        var yaml = ScenarioYaml.With("lenderSupply: 5000000", "lenderSupply: 1e70");

        // When it is loaded
        var error = Assert.Single(ScenarioYaml.Errors(yaml));

        // Then the bound is named
        Assert.Contains("market.lenderSupply: expected a number greater than 0 and at most 1000000000000000, found \"1e70\"", error);
    }

    [Fact]
    public void Parse_MarketOracleWithoutArbitrageCapital_IsAnError()
    {
        // Given an oracle that follows the pair and nobody who moves the pair toward the price path
        var yaml = ScenarioYaml.With("mode: exogenous", "mode: market").Replace("arbitrageCapitalPerBlock: 10000", "arbitrageCapitalPerBlock: 0");

        // When it is loaded
        var error = Assert.Single(ScenarioYaml.Errors(yaml));

        // Then the world is refused: its oracle could never see the crash
        Assert.Contains("oracle.mode:", error);
        Assert.Contains("never sees the price path", error);
    }
}
