using YamlDotNet.RepresentationModel;

namespace ProtocolLab.Simulation.Scenarios;

internal static class AgentsSectionParser
{
    private static readonly string[] GasStrategies = ["fixed", "proportional"];
    private static readonly string[] AuctionBiddings = ["value", "zeroBid"];
    private static readonly string[] SellStrategies = ["dump", "hold", "twap"];

    public static AgentsSpec Parse(MappingReader agents, double defaultArbitrageCapital)
    {
        var liquidators = ParseLiquidators(agents);
        var competing = ArbitrageursParser.Parse(agents);
        var legacy = agents.Mapping("arbitrageur", required: false);
        if (legacy is not null && competing.Count > 0)
            agents.Errors.Add(legacy.Node, agents.FieldPath("arbitrageur"), "expected either arbitrageur (the simple one) or arbitrageurs (competing ones), found both");
        // Competing arbitrageurs replace the simple one, which market.arbitrageCapitalPerBlock would otherwise enable.
        var arbitrageur = competing.Count > 0 ? new ArbitrageurSpec(false, 0) : ParseArbitrageur(legacy, defaultArbitrageCapital);
        var keeper = ParseKeeper(agents.Mapping("keeper", required: false));
        var providers = LiquidityProvidersParser.Parse(agents);
        agents.RejectUnknownFields();
        return new AgentsSpec(liquidators, arbitrageur, keeper, competing) { LiquidityProviders = providers };
    }

    private static List<LiquidatorSpec> ParseLiquidators(MappingReader agents)
    {
        var result = new List<LiquidatorSpec>();
        var sequence = agents.Sequence("liquidators", required: true);
        if (sequence is null)
        {
            return result;
        }

        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var path = $"{agents.FieldPath("liquidators")}[{i}]";
            var liquidator = MappingReader.Open(sequence.Children[i], path, agents.Errors);
            if (liquidator is null)
            {
                continue;
            }

            var name = liquidator.Name("name");
            if (result.Any(l => l.Name == name))
            {
                agents.Errors.Add(liquidator.Node, path + ".name", $"expected a liquidator name not used before, found \"{name}\" again");
            }

            var capital = liquidator.Number("capital", NumberRule.PositiveTokenAmount);
            var delay = liquidator.WholeNumber("reactionDelayBlocks", 0, 1000, 0);
            var gasBid = ParseGasBid(liquidator.Mapping("gasBid"));
            var minProfit = liquidator.Number("minProfit", NumberRule.TokenAmount, 0);
            var sell = ParseSell(liquidator);
            var watchesMempool = liquidator.Boolean("watchMempool", false);
            var auctionBids = liquidator.Choice("auctionBids", AuctionBiddings, "value") switch
            {
                "zeroBid" => AuctionBidding.ZeroBid,
                _ => AuctionBidding.Value,
            };
            liquidator.RejectUnknownFields();
            result.Add(new LiquidatorSpec(name, capital, delay, gasBid, minProfit, sell, watchesMempool, auctionBids));
        }

        return result;
    }

    private static GasBidSpec ParseGasBid(MappingReader? gasBid)
    {
        if (gasBid is null)
        {
            return new FixedGasBidSpec(0);
        }

        GasBidSpec result = gasBid.Choice("strategy", GasStrategies) switch
        {
            "proportional" => new ProportionalGasBidSpec(gasBid.Number("shareOfProfit", NumberRule.Fraction)),
            "fixed" => new FixedGasBidSpec(gasBid.Number("priorityFeeGwei", NumberRule.Between(0, 1e6))),
            _ => new FixedGasBidSpec(0),
        };
        gasBid.RejectUnknownFields();
        return result;
    }

    /// <summary>sell is a strategy name (dump, hold) or a mapping {strategy, blocks} (needed for twap).</summary>
    private static SellStrategySpec ParseSell(MappingReader liquidator)
    {
        var node = liquidator.Value("sell", required: false, "a sell strategy");
        if (node is null)
        {
            return new DumpSellSpec();
        }

        var path = liquidator.FieldPath("sell");
        if (node is YamlScalarNode)
        {
            var name = MappingReader.ParseChoice(node, path, SellStrategies, liquidator.Errors);
            if (name == "twap")
            {
                liquidator.Errors.Add(node, path, "expected a mapping {strategy: twap, blocks: N} for twap, found \"twap\" without blocks");
            }

            return name == "hold" ? new HoldSellSpec() : new DumpSellSpec();
        }

        var sell = MappingReader.Open(node, path, liquidator.Errors);
        if (sell is null)
        {
            return new DumpSellSpec();
        }

        SellStrategySpec result = sell.Choice("strategy", SellStrategies) switch
        {
            "hold" => new HoldSellSpec(),
            "twap" => new TwapSellSpec(sell.WholeNumber("blocks", 1, 1000)),
            _ => new DumpSellSpec(),
        };
        sell.RejectUnknownFields();
        return result;
    }

    private static ArbitrageurSpec ParseArbitrageur(MappingReader? arbitrageur, double defaultCapital)
    {
        if (arbitrageur is null)
        {
            return new ArbitrageurSpec(true, defaultCapital);
        }

        var enabled = arbitrageur.Boolean("enabled", true);
        var capital = arbitrageur.Number("capitalPerBlock", NumberRule.TokenAmount, double.IsNaN(defaultCapital) ? 0 : defaultCapital);
        arbitrageur.RejectUnknownFields();
        return new ArbitrageurSpec(enabled, capital);
    }

    private static KeeperSpec ParseKeeper(MappingReader? keeper)
    {
        if (keeper is null)
        {
            return new KeeperSpec(true, []);
        }

        var enabled = keeper.Boolean("enabled", true);
        var stalls = new List<BlockRange>();
        if (keeper.Sequence("stalls", required: false) is { } sequence)
        {
            for (var i = 0; i < sequence.Children.Count; i++)
            {
                if (MappingReader.Open(sequence.Children[i], $"{keeper.FieldPath("stalls")}[{i}]", keeper.Errors) is not { } stall)
                {
                    continue;
                }

                var from = stall.WholeNumber("from", 0, 1_000_000);
                var to = stall.WholeNumber("to", 0, 1_000_000);
                if (from > to)
                {
                    stall.Errors.Add(stall.Node, stall.FieldPath("to"), $"expected to at least from {from}, found {to}");
                }

                stall.RejectUnknownFields();
                stalls.Add(new BlockRange(from, to));
            }
        }

        keeper.RejectUnknownFields();
        return new KeeperSpec(enabled, stalls);
    }
}
