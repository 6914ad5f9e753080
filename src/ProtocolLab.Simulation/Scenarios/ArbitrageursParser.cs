namespace ProtocolLab.Simulation.Scenarios;

/// <summary>agents.arbitrageurs: a list of competing arbitrageurs, each a mapping.</summary>
internal static class ArbitrageursParser
{
    public static IReadOnlyList<CompetingArbitrageurSpec> Parse(MappingReader agents)
    {
        var result = new List<CompetingArbitrageurSpec>();
        if (agents.Sequence("arbitrageurs", required: false) is not { } sequence)
            return result;
        if (sequence.Children.Count is 0 or > 32)
            agents.Errors.Add(sequence, agents.FieldPath("arbitrageurs"), $"expected 1 to 32 arbitrageurs, found {sequence.Children.Count}");

        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var path = $"{agents.FieldPath("arbitrageurs")}[{i}]";
            if (MappingReader.Open(sequence.Children[i], path, agents.Errors) is not { } arbitrageur)
                continue;
            var name = arbitrageur.Name("name");
            if (result.Any(a => a.Name == name))
                agents.Errors.Add(arbitrageur.Node, path + ".name", $"expected an arbitrageur name not used before, found \"{name}\" again");
            var capital = arbitrageur.Number("capitalPerBlock", NumberRule.PositiveTokenAmount);
            double? inventory = arbitrageur.Value("inventory", required: false, "") is null ? null : arbitrageur.Number("inventory", NumberRule.PositiveTokenAmount);
            var latency = arbitrageur.WholeNumber("latencyBlocks", 0, 1000, 0);
            var fee = arbitrageur.Number("priorityFeeGwei", NumberRule.Between(0, 1e6), 2);
            var backRun = arbitrageur.Boolean("backRun", false);
            var minProfit = arbitrageur.Number("minProfit", NumberRule.TokenAmount, 0);
            arbitrageur.RejectUnknownFields();
            result.Add(new CompetingArbitrageurSpec(name, capital, inventory, latency, fee, backRun, minProfit));
        }
        return result;
    }
}
