using ProtocolLab.Simulation.Scenarios;

namespace ProtocolLab.Simulation.Tests.Scenarios;

public class ScenarioValidationTests
{
    [Fact]
    public void Parse_WordForWholeNumber_ReportsFileLineColumnPathExpectedAndFound()
    {
        // Given borrowers: lots on line 17, the value starting in column 14
        var yaml = ScenarioYaml.With("borrowers: 10", "borrowers: lots");

        // When it is loaded
        var errors = ScenarioYaml.Errors(yaml);

        // Then the one error reads like a compiler's
        Assert.Equal(
            ["test.yaml:17:14: population.borrowers: expected a whole number from 1 to 100000, found \"lots\""],
            errors);
    }

    [Fact]
    public void Parse_SeveralProblems_ReportsAllOfThem()
    {
        // Given three independent mistakes in different sections
        var yaml = ScenarioYaml.Valid
            .Replace("borrowers: 10", "borrowers: 0")
            .Replace("initialPrice: 2000", "initialPrice: -5")
            .Replace("drop: 0.3", "drop: 1.5");

        // When it is loaded
        var errors = ScenarioYaml.Errors(yaml);

        // Then every one is reported, in file order
        Assert.Equal(3, errors.Count);
        Assert.Contains("market.initialPrice: expected a number greater than 0 and at most 1000000000000, found \"-5\"", errors[0]);
        Assert.Contains("population.borrowers: expected a whole number from 1 to 100000, found \"0\"", errors[1]);
        Assert.Contains("pricePath.drop: expected a number greater than 0 and less than 1, found \"1.5\"", errors[2]);
    }

    [Fact]
    public void Parse_MisspeltField_ReportsUnknownFieldWithSuggestionAndTheMissingOne()
    {
        // Given pairDepth misspelt on line 8
        var yaml = ScenarioYaml.With("pairDepth: 1_000_000", "pairDeph: 1_000_000");

        // When it is loaded
        var errors = ScenarioYaml.Errors(yaml);

        // Then both the missing field and the unknown one (with a did-you-mean) are reported
        Assert.Contains(errors, e => e.StartsWith("test.yaml:5:3: market.pairDepth: expected", StringComparison.Ordinal) && e.EndsWith("found nothing (the field is missing)", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("test.yaml:8:3: market.pairDeph: ", StringComparison.Ordinal) && e.Contains("unknown field \"pairDeph\" (did you mean \"pairDepth\"?)"));
    }

    [Fact]
    public void Parse_MissingTopLevelField_PointsAtTheEnclosingMapping()
    {
        // Given no seed
        var yaml = ScenarioYaml.With("seed: 1\n", "");

        // When it is loaded
        var errors = ScenarioYaml.Errors(yaml);

        // Then the error names the field and the start of the document
        Assert.Equal(["test.yaml:1:1: seed: expected a whole number from 0 to 18446744073709551615, found nothing (the field is missing)"], errors);
    }

    [Fact]
    public void Parse_MisspeltChoice_SuggestsTheClosestChoice()
    {
        // Given model: fixd
        var yaml = ScenarioYaml.With("model: fixed", "model: fixd");

        // When it is loaded
        var error = Assert.Single(ScenarioYaml.Errors(yaml));

        // Then the choices are listed with a suggestion
        Assert.Equal("test.yaml:14:14: protocol.designs[0].model: expected one of fixed, dynamic, custom, tiered, found \"fixd\" (did you mean \"fixed\"?)", error);
    }

    [Theory]
    [InlineData("distribution: pareto", "distribution: paretto", "population.size.distribution: expected one of pareto, lognormal, found \"paretto\" (did you mean \"pareto\"?)")]
    [InlineData("kind: step", "kind: stpe", "pricePath.kind: expected one of step, piecewise, gbm, jump, csv, found \"stpe\" (did you mean \"step\"?)")]
    [InlineData("kind: step", "kinds: step", "pricePath.kinds: expected one of the fields")]
    [InlineData("strategy: fixed", "strategy: fix", "agents.liquidators[0].gasBid.strategy: expected one of fixed, proportional, found \"fix\"")]
    public void Parse_UnknownOrMissingKind_ReportsOnlyTheKind(string old, string replacement, string expected)
    {
        // Given a kind field misspelt (or its key misspelt), next to fields that depend on it
        var yaml = ScenarioYaml.With(old, replacement);

        // When it is loaded
        var errors = ScenarioYaml.Errors(yaml);

        // Then the kind is the problem reported; its fields are neither missing nor unknown
        Assert.Contains(errors, e => e.Contains(expected));
        Assert.DoesNotContain(errors, e => e.Contains("unknown field \"at\"") || e.Contains("alpha") || e.Contains("priorityFeeGwei"));
        Assert.InRange(errors.Count, 1, 2);
    }

    [Fact]
    public void Parse_BehaviourSharesNotSummingToOne_IsAnError()
    {
        // Given shares summing to 0.9
        var yaml = ScenarioYaml.With(
            "  leverage: { distribution: beta, alpha: 8, beta: 2 }",
            "  leverage: { distribution: beta, alpha: 8, beta: 2 }\n  behaviour:\n    none: { share: 0.6 }\n    deleverage: { share: 0.3, healthThreshold: 1.1, targetHealth: 1.3 }");

        // When it is loaded
        var error = Assert.Single(ScenarioYaml.Errors(yaml));

        // Then the sum is reported on the behaviour mapping
        Assert.Contains("population.behaviour: expected shares of none, topUp and deleverage summing to 1, found a sum of 0.9", error);
    }

    [Fact]
    public void Parse_InitialLtvAboveThreshold_IsAnError()
    {
        // Given an initial LTV above the liquidation threshold (born liquidatable)
        var yaml = ScenarioYaml.With("initialLtv: 0.75", "initialLtv: 0.85");

        // When it is loaded
        var error = Assert.Single(ScenarioYaml.Errors(yaml));

        // Then the relation is explained
        Assert.Contains("protocol.designs[0].parameters.initialLtv: expected initialLtv below liquidationThreshold 0.8, found 0.85", error);
    }

    [Fact]
    public void Parse_BonusThatMakesLiquidationWorsenHealth_IsAnError()
    {
        // Given threshold 0.8 and bonus 0.3: 0.8 x 1.3 = 1.04 >= 1
        var yaml = ScenarioYaml.With("bonus: 0.05", "bonus: 0.3");

        // When it is loaded
        var error = Assert.Single(ScenarioYaml.Errors(yaml));

        // Then the rule is named
        Assert.Contains("parameters.bonus: expected liquidationThreshold x (1 + bonus) below 1", error);
        Assert.Contains("found 1.04", error);
    }

    [Fact]
    public void Parse_DuplicateDesignNames_IsAnError()
    {
        // Given two designs called fixed
        var design = "    - name: fixed\n      model: fixed\n      parameters: { initialLtv: 0.75, liquidationThreshold: 0.8, closeFactor: 0.5, bonus: 0.05 }\n";
        var yaml = ScenarioYaml.With(design, design + design);

        // When it is loaded
        var error = Assert.Single(ScenarioYaml.Errors(yaml));

        // Then the second one is reported
        Assert.Contains("protocol.designs[1].name: expected a design name not used before, found \"fixed\" again", error);
    }

    [Fact]
    public void Parse_PiecewisePointsOutOfOrder_IsAnError()
    {
        // Given points whose blocks go back
        var yaml = ScenarioYaml.With("  kind: step\n  at: 3\n  drop: 0.3", "  kind: piecewise\n  points: [[0, 1], [5, 0.8], [4, 0.7]]");

        // When it is loaded
        var error = Assert.Single(ScenarioYaml.Errors(yaml));

        // Then the offending point is named
        Assert.Contains("pricePath.points[2].block: expected a block after 5, found 4", error);
    }

    [Fact]
    public void Parse_ReservesFarFromInitialPrice_IsAnError()
    {
        // Given reserves implying 1000 while initialPrice is 2000
        var yaml = ScenarioYaml.With("pairDepth: 1_000_000", "pairDepth: { collateral: 100, loan: 100_000 }");

        // When it is loaded
        var error = Assert.Single(ScenarioYaml.Errors(yaml));

        // Then the mismatch is explained
        Assert.Contains("market.pairDepth: expected reserves whose price loan/collateral is within 1% of initialPrice 2000, found 1000", error);
    }

    [Fact]
    public void Parse_TwapWithoutBlocks_IsAnError()
    {
        // Given the shorthand sell: twap, which cannot say over how many blocks
        var yaml = ScenarioYaml.With("      gasBid: { strategy: fixed, priorityFeeGwei: 1 }", "      gasBid: { strategy: fixed, priorityFeeGwei: 1 }\n      sell: twap");

        // When it is loaded
        var error = Assert.Single(ScenarioYaml.Errors(yaml));

        // Then the mapping form is asked for
        Assert.Contains("agents.liquidators[0].sell: expected a mapping {strategy: twap, blocks: N} for twap", error);
    }

    [Fact]
    public void Parse_UnknownTopLevelField_SuggestsTheKnownOne()
    {
        // Given runz instead of runs
        var yaml = ScenarioYaml.With("blocks: 10\n", "blocks: 10\nrunz: 5\n");

        // When it is loaded
        var error = Assert.Single(ScenarioYaml.Errors(yaml));

        // Then the suggestion is runs
        Assert.StartsWith("test.yaml:4:1: runz: ", error);
        Assert.EndsWith("(did you mean \"runs\"?)", error);
    }

    [Fact]
    public void Parse_DynamicParameterOnFixedDesign_IsUnknown()
    {
        // Given a dynamic-only parameter on a fixed design
        var yaml = ScenarioYaml.With("bonus: 0.05 }", "bonus: 0.05, minThreshold: 0.5 }");

        // When it is loaded
        var error = Assert.Single(ScenarioYaml.Errors(yaml));

        // Then it is rejected as unknown for that model
        Assert.Contains("protocol.designs[0].parameters.minThreshold: expected one of the fields initialLtv, liquidationThreshold, closeFactor, bonus, found the unknown field", error);
    }

    [Fact]
    public void Parse_LiquiditySensitivityThatCouldLowerCapacity_IsRefusedWithItsBound()
    {
        // Given a dynamic design whose depth sensitivity exceeds minThreshold - (threshold - ltv) = 0.65 - 0.05
        var yaml = ScenarioYaml.Valid.Replace(
            "model: fixed\n      parameters: { initialLtv: 0.75, liquidationThreshold: 0.8, closeFactor: 0.5, bonus: 0.05 }",
            "model: dynamic\n      parameters: { initialLtv: 0.75, liquidationThreshold: 0.8, closeFactor: 0.5, bonus: 0.05, "
            + "volatilitySensitivity: 0.5, liquiditySensitivity: 0.7, minThreshold: 0.65, maxThreshold: 0.8, maxThresholdChangePerBlock: 0.005 }");

        // When it is loaded
        var errors = ScenarioYaml.Errors(yaml);

        // Then the field, the bound and the reason are named
        var error = Assert.Single(errors);
        Assert.Contains("parameters.liquiditySensitivity: expected at most minThreshold - (liquidationThreshold - initialLtv) = 0.6", error);
    }
}
