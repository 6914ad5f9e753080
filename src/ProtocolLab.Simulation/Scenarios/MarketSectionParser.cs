using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace ProtocolLab.Simulation.Scenarios;

internal static partial class MarketSectionParser
{
    /// <summary>Explicit reserves may imply a pool price this far from initialPrice; beyond, it is a typo.</summary>
    private const double MaxReservePriceMismatch = 0.01;

    /// <param name="optionsScenario">An options scenario has no lenders: lenderSupply may be left out (0).</param>
    public static MarketSpec Parse(MappingReader market, bool optionsScenario = false)
    {
        var collateral = ParseAsset(market.Mapping("collateral"));
        var loan = ParseAsset(market.Mapping("loan"));
        var initialPrice = market.Number("initialPrice", new NumberRule(0, 1e12, MinExclusive: true));
        var reserves = ParseDepth(market, initialPrice);
        var arbitrageCapital = market.Number("arbitrageCapitalPerBlock", NumberRule.NonNegative);
        var lenderSupply = market.Number("lenderSupply", NumberRule.Positive, optionsScenario ? 0 : null);
        market.RejectUnknownFields();
        return new MarketSpec(collateral, loan, initialPrice, reserves, arbitrageCapital, lenderSupply);
    }

    private static AssetSpec ParseAsset(MappingReader? asset)
    {
        if (asset is null)
        {
            return new AssetSpec("", 0);
        }

        var symbol = asset.Text("symbol", s => SymbolPattern().IsMatch(s), "a token symbol of 1 to 11 letters or digits");
        var decimals = asset.WholeNumber("decimals", 0, 36);
        asset.RejectUnknownFields();
        return new AssetSpec(symbol, decimals);
    }

    /// <summary>pairDepth is either a number (loan-asset value per side) or explicit reserves.</summary>
    private static PairReserves ParseDepth(MappingReader market, double initialPrice)
    {
        const string expectation = "a positive number (loan-asset value on each side) or a mapping {collateral, loan} of reserves";
        var node = market.Value("pairDepth", required: true, expectation);
        if (node is null)
        {
            return new PairReserves(double.NaN, double.NaN);
        }

        var path = market.FieldPath("pairDepth");
        if (node is YamlScalarNode)
        {
            var depth = MappingReader.ParseNumber(node, path, NumberRule.Positive, market.Errors) ?? double.NaN;
            return new PairReserves(depth / initialPrice, depth);
        }

        var reserves = MappingReader.Open(node, path, market.Errors);
        if (reserves is null)
        {
            return new PairReserves(double.NaN, double.NaN);
        }

        var collateral = reserves.Number("collateral", NumberRule.Positive);
        var loan = reserves.Number("loan", NumberRule.Positive);
        reserves.RejectUnknownFields();
        var impliedPrice = loan / collateral;
        if (double.IsFinite(impliedPrice) && double.IsFinite(initialPrice)
            && Math.Abs(impliedPrice / initialPrice - 1) > MaxReservePriceMismatch)
        {
            market.Errors.Add(
                node,
                path,
                $"expected reserves whose price loan/collateral is within 1% of initialPrice {initialPrice}, found {impliedPrice:G6}");
        }

        return new PairReserves(collateral, loan);
    }

    [GeneratedRegex("^[A-Za-z0-9]{1,11}$")]
    private static partial Regex SymbolPattern();
}
