using ProtocolLab.Simulation.Scenarios;

namespace ProtocolLab.Simulation.Tests.Scenarios;

public class ScenarioLoaderTests
{
    [Fact]
    public void Parse_ValidScenario_FillsTypedModelAndDefaults()
    {
        // Given the small valid scenario, which omits every optional field

        // When it is loaded
        var scenario = ScenarioYaml.Load(ScenarioYaml.Valid);

        // Then values are typed and documented defaults apply
        Assert.Equal("unit", scenario.Name);
        Assert.Equal(1UL, scenario.Seed);
        Assert.Equal(1, scenario.Runs);
        Assert.Equal(12, scenario.BlockTimeSeconds);
        Assert.Equal(new AssetSpec("USDC", 6), scenario.Market.Loan);
        Assert.Equal(new PairReserves(500, 1_000_000), scenario.Market.PairReserves);
        var design = Assert.Single(scenario.Protocol.Designs);
        Assert.Equal(MarginModelKind.Fixed, design.Model);
        Assert.Equal("FixedMargin", design.Contract);
        Assert.Equal(new BaseMarginParameters(0.75, 0.8, 0.5, 0.05), design.Base);
        Assert.Equal(0, scenario.Protocol.InsuranceFund);
        Assert.Equal(3600, scenario.Protocol.MaxOracleAgeSeconds);
        Assert.Equal(new PassiveBehaviourSpec(1), Assert.Single(scenario.Population.Behaviours));
        var liquidator = Assert.Single(scenario.Agents.Liquidators);
        Assert.Equal(new LiquidatorSpec("bot", 100_000, 0, new FixedGasBidSpec(1), 0, new DumpSellSpec()), liquidator);
        Assert.Equal(new ArbitrageurSpec(true, 10_000), scenario.Agents.Arbitrageur);
        Assert.True(scenario.Agents.Keeper.Enabled);
        Assert.Equal(new OracleSpec(OracleMode.Exogenous, 0.005, 3600, 1800), scenario.Oracle);
        Assert.Equal(new StepPathSpec(3, 0.3), scenario.PricePath);
        Assert.Matches("^[0-9a-f]{64}$", scenario.Hash);
    }

    [Theory]
    [InlineData("crash-30.yaml")]
    [InlineData("crash-30-thin.yaml")]
    [InlineData("crash-30-deep.yaml")]
    [InlineData("black-thursday.yaml")]
    [InlineData("black-thursday-auctions.yaml")]
    [InlineData("mitigations-crash.yaml")]
    [InlineData("gbm-stress.yaml")]
    [InlineData("slow-bleed.yaml")]
    public void Load_ShippedScenario_IsValid(string file)
    {
        // Given a scenario file users run and copy
        var path = Path.Combine(RepoPaths.Scenarios, file);

        // When it is loaded
        var scenario = ScenarioLoader.Load(path);

        // Then it loads, is named after its file and compares at least two designs
        Assert.Equal(Path.GetFileNameWithoutExtension(file), scenario.Name);
        Assert.True(scenario.Protocol.Designs.Count >= 2);
    }

    [Fact]
    public void Load_Crash30_IsSmallDemoWithStepCrash()
    {
        // Given the README's main demo
        var scenario = ScenarioLoader.Load(Path.Combine(RepoPaths.Scenarios, "crash-30.yaml"));

        // When / Then it is ten short runs of a 30% step crash, fixed versus dynamic
        Assert.Equal(10, scenario.Runs);
        Assert.InRange(scenario.Blocks, 1, 60);
        Assert.InRange(scenario.Population.Borrowers, 1, 100);
        Assert.Equal(0.30, Assert.IsType<StepPathSpec>(scenario.PricePath).Drop);
        Assert.Equal([MarginModelKind.Fixed, MarginModelKind.Dynamic], scenario.Protocol.Designs.Select(d => d.Model));
    }

    [Fact]
    public void Load_ThinAndDeepVariants_DifferOnlyInMarketDepth()
    {
        // Given the thin and deep variants of one crash
        var thin = ScenarioLoader.Load(Path.Combine(RepoPaths.Scenarios, "crash-30-thin.yaml"));
        var deep = ScenarioLoader.Load(Path.Combine(RepoPaths.Scenarios, "crash-30-deep.yaml"));

        // When their market-independent parts are compared
        // Then population, agents, designs, oracle, path and seed are the same, and deep is deeper
        Assert.Equal(thin.Seed, deep.Seed);
        Assert.Equal(thin.PricePath, deep.PricePath);
        Assert.Equal(thin.Population.Borrowers, deep.Population.Borrowers);
        Assert.Equal(thin.Population.Size, deep.Population.Size);
        Assert.Equal(thin.Oracle, deep.Oracle);
        Assert.Equal(thin.Agents.Liquidators.Select(l => l.Name), deep.Agents.Liquidators.Select(l => l.Name));
        Assert.True(deep.Market.PairReserves.Loan > 10 * thin.Market.PairReserves.Loan);
    }

    [Fact]
    public void Parse_DynamicDesignAndBehaviourMix_ReadsEveryParameter()
    {
        // Given a dynamic design, a behaviour mix and non-default agents
        var yaml = ScenarioYaml.Valid
            .Replace(
                "      parameters: { initialLtv: 0.75, liquidationThreshold: 0.8, closeFactor: 0.5, bonus: 0.05 }",
                """
                      parameters: { initialLtv: 0.75, liquidationThreshold: 0.8, closeFactor: 0.5, bonus: 0.05 }
                    - name: dyn
                      model: dynamic
                      parameters:
                        initialLtv: 0.7
                        liquidationThreshold: 0.8
                        closeFactor: 0.5
                        bonus: 0.05
                        volatilitySensitivity: 0.5
                        liquiditySensitivity: 0.25
                        minThreshold: 0.6
                        maxThreshold: 0.85
                        maxThresholdChangePerBlock: 0.01
                """)
            .Replace(
                "  leverage: { distribution: beta, alpha: 8, beta: 2 }",
                """
                  leverage: { distribution: truncatedNormal, mean: 0.8, stdev: 0.1 }
                  behaviour:
                    none: { share: 0.5 }
                    topUp: { share: 0.25, probability: 0.4, healthThreshold: 1.1, targetHealth: 1.5 }
                    deleverage: { share: 0.25, healthThreshold: 1.2, targetHealth: 1.6 }
                """)
            .Replace(
                "      gasBid: { strategy: fixed, priorityFeeGwei: 1 }",
                """
                      gasBid: { strategy: proportional, shareOfProfit: 0.5 }
                      reactionDelayBlocks: 2
                      sell: { strategy: twap, blocks: 4 }
                  keeper:
                    stalls: [{ from: 2, to: 4 }]
                """);

        // When it is loaded
        var scenario = ScenarioYaml.Load(yaml);

        // Then every value is where it belongs
        var dynamic = scenario.Protocol.Designs[1];
        Assert.Equal("DynamicMargin", dynamic.Contract);
        Assert.Equal(
            new DynamicMarginParameters(0.5, 0.25, 0.6, 0.85, 0.01)
            {
                MaxBonus = 0.1,
                BonusVolatilitySensitivity = 0.05,
                MaxDepthHaircut = 0.85 - 0.6,
            },
            dynamic.Dynamic);
        Assert.Equal(9, dynamic.Parameters.Count);
        Assert.Equal(new TruncatedNormalLeverageSpec(0.8, 0.1, 0, 1), scenario.Population.Leverage);
        Assert.Equal(
            [new PassiveBehaviourSpec(0.5), new TopUpBehaviourSpec(0.25, 0.4, 1.1, 1.5), new DeleverageBehaviourSpec(0.25, 1.2, 1.6)],
            scenario.Population.Behaviours);
        var bot = scenario.Agents.Liquidators[0];
        Assert.Equal(new ProportionalGasBidSpec(0.5), bot.GasBid);
        Assert.Equal(new TwapSellSpec(4), bot.Sell);
        Assert.Equal(2, bot.ReactionDelayBlocks);
        Assert.Equal(new BlockRange(2, 4), Assert.Single(scenario.Agents.Keeper.Stalls));
    }

    [Fact]
    public void Parse_ExplicitReserves_AreTakenAsGiven()
    {
        // Given reserves instead of a depth, consistent with the initial price
        var yaml = ScenarioYaml.With("pairDepth: 1_000_000", "pairDepth: { collateral: 100, loan: 200_000 }");

        // When it is loaded
        var scenario = ScenarioYaml.Load(yaml);

        // Then the reserves are as written
        Assert.Equal(new PairReserves(100, 200_000), scenario.Market.PairReserves);
    }

    [Fact]
    public void Parse_CustomDesign_KeepsExtraParametersInFileOrder()
    {
        // Given a custom design with its own contract and an extra parameter
        var yaml = ScenarioYaml.With(
            "      model: fixed\n      parameters: { initialLtv: 0.75,",
            "      model: custom\n      contract: TieredMargin\n      parameters: { tiers: 3, initialLtv: 0.75,");

        // When it is loaded
        var design = Assert.Single(ScenarioYaml.Load(yaml).Protocol.Designs);

        // Then the contract is named and the extra parameter kept, in order
        Assert.Equal(MarginModelKind.Custom, design.Model);
        Assert.Equal("TieredMargin", design.Contract);
        Assert.Equal(new KeyValuePair<string, double>("tiers", 3), design.Parameters[0]);
        Assert.Null(design.Dynamic);
    }
}
