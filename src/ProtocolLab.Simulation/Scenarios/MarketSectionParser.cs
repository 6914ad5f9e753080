using System.Numerics;
using System.Text.RegularExpressions;
using ProtocolLab.Simulation.Agents;
using YamlDotNet.RepresentationModel;

namespace ProtocolLab.Simulation.Scenarios;

internal static partial class MarketSectionParser
{
    /// <summary>Explicit reserves may imply a pool price this far from initialPrice; beyond, it is a typo.</summary>
    private const double MaxReservePriceMismatch = 0.01;

    /// <summary>The oracle feeds and the market's price scale refuse tokens with more decimals.</summary>
    private const int MaxTokenDecimals = 18;

    /// <summary>Uniswap V2 keeps reserves in uint112: a deeper side reverts the pair's mint (UniswapV2: OVERFLOW).</summary>
    private static readonly BigInteger MaxReserve = BigInteger.Pow(2, 112) - 1;

    /// <summary>
    /// The pair locks 1,000 units of liquidity for ever and rounds every swap to whole base units: a side
    /// with fewer base units trades nothing, and the run would measure an empty world.
    /// </summary>
    private const int MinReserve = 1000;

    /// <param name="optionsScenario">An options scenario has no lenders: lenderSupply may be left out (0).</param>
    public static MarketSpec Parse(MappingReader market, bool optionsScenario = false)
    {
        var collateral = ParseAsset(market.Mapping("collateral"));
        var loan = ParseAsset(market.Mapping("loan"));
        var initialPrice = market.Number("initialPrice", new NumberRule(0, 1e12, MinExclusive: true));
        var reserves = ParseDepth(market, initialPrice);
        CheckReserves(market, reserves, collateral, loan);
        var arbitrageCapital = market.Number("arbitrageCapitalPerBlock", NumberRule.TokenAmount);
        var lenderSupply = market.Number("lenderSupply", NumberRule.PositiveTokenAmount, optionsScenario ? 0 : null);
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
        var decimals = asset.WholeNumber("decimals", 0, MaxTokenDecimals);
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

    /// <summary>Both reserves in base units must fit the pair's uint112 and be deep enough to trade.</summary>
    private static void CheckReserves(MappingReader market, PairReserves reserves, AssetSpec collateral, AssetSpec loan)
    {
        if (!double.IsFinite(reserves.Collateral) || !double.IsFinite(reserves.Loan) || market.Value("pairDepth", false, "") is not { } node
            || collateral.Decimals is < 0 or > MaxTokenDecimals || loan.Decimals is < 0 or > MaxTokenDecimals)
        {
            return;
        }

        var path = market.FieldPath("pairDepth");
        foreach (var (side, whole, asset) in new[] { ("collateral", reserves.Collateral, collateral), ("loan", reserves.Loan, loan) })
        {
            var units = TokenUnits.ToBaseUnits(whole, asset.Decimals);
            if (units > MaxReserve)
            {
                market.Errors.Add(node, path, $"expected a {side} reserve of at most 2^112 - 1 base units (Uniswap V2 holds reserves in uint112), found {whole:G6} {asset.Symbol} = {units:E3} base units");
            }
            else if (units < MinReserve)
            {
                market.Errors.Add(node, path, $"expected a {side} reserve of at least {MinReserve} base units, found {whole:G6} {asset.Symbol} = {units} base units: the pair is too shallow to trade");
            }
        }
    }

    [GeneratedRegex("^[A-Za-z0-9]{1,11}$")]
    private static partial Regex SymbolPattern();
}
