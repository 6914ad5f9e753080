using System.Globalization;

namespace ProtocolLab.Simulation.Scenarios;

/// <summary>agents.liquidityProviders: a list of the pair's liquidity providers, each a mapping.</summary>
internal static class LiquidityProvidersParser
{
    private static readonly string[] Watched = ["pair", "fundamental"];

    /// <summary>Annualised volatility as a fraction (1 = 100%); a one-block 30% crash over ten 12-second blocks reads about 180.</summary>
    private static readonly NumberRule Volatility = new(0, 1e6, MinExclusive: true);

    public static IReadOnlyList<LiquidityProviderSpec> Parse(MappingReader agents)
    {
        var result = new List<LiquidityProviderSpec>();
        if (agents.Sequence("liquidityProviders", required: false) is not { } sequence)
            return result;
        var listPath = agents.FieldPath("liquidityProviders");
        if (sequence.Children.Count is 0 or > 32)
            agents.Errors.Add(sequence, listPath, $"expected 1 to 32 liquidity providers, found {sequence.Children.Count}");

        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var path = $"{listPath}[{i}]";
            if (MappingReader.Open(sequence.Children[i], path, agents.Errors) is not { } provider)
                continue;
            var name = provider.Name("name");
            if (result.Any(p => p.Name == name))
                agents.Errors.Add(provider.Node, path + ".name", $"expected a liquidity provider name not used before, found \"{name}\" again");
            var share = provider.Number("share", new NumberRule(0, 1, MinExclusive: true));
            var withdraw = provider.Number("withdrawAboveVolatility", Volatility);
            // Absent: the provider never comes back. Below the withdrawal level, so one volatility reading cannot mean both.
            var backNode = provider.Value("returnBelowVolatility", required: false, Volatility.Describe());
            double? back = backNode is null ? null : MappingReader.ParseNumber(backNode, provider.FieldPath("returnBelowVolatility"), Volatility, agents.Errors) ?? double.NaN;
            if (backNode is not null && back >= withdraw)
                agents.Errors.Add(backNode, provider.FieldPath("returnBelowVolatility"), $"expected a volatility below withdrawAboveVolatility ({Text(withdraw)}), found {Text(back.Value)}");
            var window = provider.WholeNumber("windowBlocks", 1, 10_000);
            var latency = provider.WholeNumber("latencyBlocks", 0, 1000, 0);
            var watches = provider.Choice("watches", Watched, "pair") == "fundamental" ? WatchedPrice.Fundamental : WatchedPrice.Pair;
            var fee = provider.Number("priorityFeeGwei", NumberRule.Between(0, 1e6), 2);
            provider.RejectUnknownFields();
            result.Add(new LiquidityProviderSpec(name, share, withdraw, back, window, latency, watches, fee));
        }

        var total = result.Sum(p => double.IsFinite(p.Share) ? p.Share : 0);
        if (total > 1 + 1e-12)
            agents.Errors.Add(sequence, listPath, $"expected shares that sum to at most 1 (the rest stays with the pair's owner), found {Text(Math.Round(total, 12))}");
        return result;
    }

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
