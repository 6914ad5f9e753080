using ProtocolLab.Simulation.Agents;
using ProtocolLab.Simulation.Engine;
using ProtocolLab.Simulation.Scenarios;

namespace ProtocolLab.Simulation.Tests.Scenarios;

/// <summary>population.positions: real positions from a CSV file beside the scenario.</summary>
public sealed class ImportedPositionsTests
{
    private const string Drawn = """
          borrowers: 10
          size: { distribution: pareto, alpha: 1.5, scale: 1, min: 1, max: 100 }
          leverage: { distribution: beta, alpha: 8, beta: 2 }
        """;

    [Fact]
    public void Load_PositionsFile_OpensExactlyItsRowsUnderEveryRun()
    {
        // Given a file with a comment, three positions in a column order of its own, one with an opening price
        var directory = Folder("debt,collateral,openingPrice\n# exported 2026-11-30\n14000,10,\n0,2,\n7000,5,2200\n".Replace(",\n", ",2000\n", StringComparison.Ordinal));
        var scenario = ScenarioYaml.Load(ScenarioYaml.With(Drawn, "  positions: book.csv"), directory);

        // When runs 0 and 3 draw their borrowers
        var run0 = WorldKit.Population(scenario, 0);
        var run3 = WorldKit.Population(scenario, 3);

        // Then both are the file's rows, in order, at its debts, whatever the run
        var units = WorldKit.Units(scenario);
        Assert.Equal(3, scenario.Population.Borrowers);
        Assert.Equal([10.0, 2, 5], run0.Select(b => units.CollateralWhole(b.Collateral)));
        Assert.Equal([14_000.0, 0, 7_000], run0.Select(b => units.LoanWhole(b.TargetDebt(0.75, 2000, units))));
        Assert.Equal(run0.Select(b => (b.Collateral, b.ImportedDebt)), run3.Select(b => (b.Collateral, b.ImportedDebt)));
        Assert.Equal(1.1, run0[2].OpeningPriceFactor, tolerance: 1e-12);
    }

    [Fact]
    public void OpeningFactorFor_ImportWithoutPriceAboveTheLtv_OpensAtTheLowestPriceWhereItFits()
    {
        // Given 10 WETH owing 15,500 USDC, more than a 0.75 LTV lends at 2,000 (15,000), and no opening price
        var directory = Folder("collateral,debt\n10,15500\n10,1000\n");
        var scenario = ScenarioYaml.Load(ScenarioYaml.With(Drawn, "  positions: book.csv"), directory);
        var units = WorldKit.Units(scenario);
        var borrowers = WorldKit.Population(scenario, 0);

        // When the design's initial LTV asks where each opens
        var factors = borrowers.Select(b => b.OpeningFactorFor(0.75, 2000, units)).ToList();

        // Then the first opens at 2,080 (the first 1% step at which 0.75 lends 15,500), the second at 2,000
        Assert.Equal([1.04, 1.0], factors);
    }

    [Theory]
    [InlineData("collateral\n10\n", "book.csv:1: expected a column 'debt' in the header")]
    [InlineData("collateral,debt,owner\n10,5,x\n", "book.csv:1: expected columns from collateral, debt, openingPrice, found a column 'owner'")]
    [InlineData("collateral,debt\n10,5\n0,5\n", "book.csv:3: collateral: expected a positive number of whole tokens")]
    [InlineData("collateral,debt\n10,-1\n", "book.csv:2: debt: expected a non-negative number of whole tokens")]
    [InlineData("collateral,debt\n10\n", "book.csv:2: expected 2 fields (collateral,debt), found 1")]
    [InlineData("collateral,debt\n", "book.csv: expected at least one position after the header")]
    public void Load_BadPositionsFile_NamesTheFileLineAndWhatWasExpected(string csv, string expected)
    {
        // Given a positions file with one mistake
        var directory = Folder(csv);

        // When the scenario is loaded
        var error = Assert.Single(ScenarioYaml.Errors(ScenarioYaml.With(Drawn, "  positions: book.csv"), directory));

        // Then the scenario field and the file's line are named
        Assert.Contains("population.positions: " + expected, error);
    }

    [Fact]
    public void Load_PositionsWithDrawnFields_RefusesEachDrawnField()
    {
        // Given a positions file and, beside it, the drawn population's fields
        var directory = Folder("collateral,debt\n10,5\n");

        // When the scenario is loaded
        var errors = ScenarioYaml.Errors(ScenarioYaml.With(Drawn, Drawn + "\n  positions: book.csv"), directory);

        // Then borrowers, size and leverage are each refused: the file gives the positions
        Assert.True(errors.Count == 3, string.Join("\n", errors));
        Assert.All(new[] { "borrowers", "size", "leverage" }, f => Assert.Contains(errors, e => e.Contains($"population.{f}: expected no {f} with positions", StringComparison.Ordinal)));
    }

    [Fact]
    public void Load_PositionsFileChanges_ChangesTheScenarioHash()
    {
        // Given one scenario, loaded before and after its positions file changes
        var directory = Folder("collateral,debt\n10,5\n");
        var yaml = ScenarioYaml.With(Drawn, "  positions: book.csv");
        var before = ScenarioYaml.Load(yaml, directory).Hash;
        File.WriteAllText(Path.Combine(directory, "book.csv"), "collateral,debt\n10,6\n");

        // When it is loaded again
        var after = ScenarioYaml.Load(yaml, directory).Hash;

        // Then the hash on the reproducibility line tells the two apart
        Assert.NotEqual(before, after);
    }

    [Fact]
    public void Load_AavePositionAboveTheInitialLtv_IsRefusedWithItsLine()
    {
        // Given Aave v3, which opens at the initial price, and a position owing more than 0.75 lends there
        var directory = Folder("collateral,debt\n10,5\n10,15500\n");
        var yaml = ScenarioYaml.With(Drawn, "  positions: book.csv").Replace("protocol:\n", "protocol:\n  kind: aave-v3\n", StringComparison.Ordinal);

        // When it is loaded
        var errors = ScenarioYaml.Errors(yaml, directory);

        // Then the position's line, the design and what it lends are named
        Assert.Contains(errors, e => e.Contains("population.positions: line 3: expected debt at most collateral x initialPrice x initialLtv of design 'fixed' (15000), found 15500", StringComparison.Ordinal));
    }

    private static string Folder(string csv)
    {
        var directory = Directory.CreateTempSubdirectory("protocollab-").FullName;
        File.WriteAllText(Path.Combine(directory, "book.csv"), csv);
        return directory;
    }
}
