using ProtocolLab.Protocols;
using ProtocolLab.Protocols.Options;
using ProtocolLab.Simulation.Engine;
using ProtocolLab.Simulation.Scenarios;
using ProtocolLab.Simulation.Scenarios.Options;

namespace ProtocolLab.Simulation.Options;

/// <summary>Translates an options scenario and one of its designs into what the option kit deploys.</summary>
internal static class OptionsScenarioKit
{
    public static OptionKitOptions Options(Scenario scenario, DesignSpec design, ulong now)
    {
        var options = scenario.Options ?? throw new ArgumentException($"scenario '{scenario.Name}' has no options section", nameof(scenario));
        var market = scenario.Market;
        var (pairUnderlying, pairLoan) = WorldKit.PairReserves(scenario);
        return new OptionKitOptions
        {
            Underlying = WorldKit.CollateralToken(scenario),
            Loan = WorldKit.LoanToken(scenario),
            PairUnderlyingReserve = pairUnderlying,
            PairLoanReserve = pairLoan,
            InitialAnswer = WorldKit.Answer(market.InitialPrice),
            Margin = Margin(design),
            Series = options.Series
                .Select(s => new OptionSeriesConfig(s.IsCall, s.UnderlyingCollateral, Wad.Of(s.StrikeFraction * market.InitialPrice), now + (ulong)s.ExpirySeconds))
                .ToList(),
            MaxOracleAgeSeconds = (ulong)scenario.Protocol.MaxOracleAgeSeconds,
            LiquidationPenalty = Wad.Of(options.LiquidationPenalty),
            PremiumSpread = Wad.Of(options.PremiumSpread),
            StrikeBand = Wad.Of(10),
            EwmaDecay = Wad.Of(options.Volatility.EwmaDecay),
            InitialVolatility = Wad.Of(options.Volatility.Initial),
            MinVolatility = Wad.Of(options.Volatility.Min),
            MaxVolatility = Wad.Of(options.Volatility.Max),
            ImpliedVolatility = Wad.Of(options.ImpliedVolatility.At(0)),
        };
    }

    public static OptionMarginConfig Margin(DesignSpec design) => design.OptionMargin switch
    {
        FixedOptionMarginSpec f => new FixedOptionMarginConfig(Wad.Of(f.UnderlyingPct), Wad.Of(f.FloorPct), Wad.Of(f.InitialFactor)),
        RiskBasedOptionMarginSpec r => new RiskBasedOptionMarginConfig(
            Wad.Of(r.SigmaMultiple), r.HorizonSeconds, Wad.Of(r.MinMove), Wad.Of(r.MaxMove), Wad.Of(r.VolShockUp), r.GridPoints, Wad.Of(r.FloorPct), Wad.Of(r.InitialFactor)),
        _ => throw new ArgumentException($"design '{design.Name}' is not an option margin design", nameof(design)),
    };
}
