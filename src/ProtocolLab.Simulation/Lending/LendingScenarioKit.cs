using ProtocolLab.Protocols;
using ProtocolLab.Protocols.Lending;
using ProtocolLab.Simulation.Engine;
using ProtocolLab.Simulation.Scenarios;

namespace ProtocolLab.Simulation.Lending;

/// <summary>Translates a scenario and one of its designs into what the lending kit deploys.</summary>
internal static class LendingScenarioKit
{
    public static LendingKitOptions Options(Scenario scenario, DesignSpec design)
    {
        var units = WorldKit.Units(scenario);
        var market = scenario.Market;
        var (pairCollateral, pairLoan) = WorldKit.PairReserves(scenario);
        return new LendingKitOptions
        {
            Collateral = WorldKit.CollateralToken(scenario),
            Loan = WorldKit.LoanToken(scenario),
            PairCollateralReserve = pairCollateral,
            PairLoanReserve = pairLoan,
            InitialAnswer = WorldKit.Answer(market.InitialPrice),
            Feed = FeedOf(scenario.Oracle.Mode),
            MedianSources = [.. scenario.Oracle.Sources.Select(FeedOf)],
            MedianMaxDeviation = Wad.Of(scenario.Oracle.MaxDeviationPerUpdate),
            DelaySeconds = (ulong)scenario.Oracle.DelaySeconds,
            TwapWindowSeconds = (ulong)scenario.Oracle.TwapWindowSeconds,
            Margin = Margin(design),
            MaxOracleAgeSeconds = (ulong)scenario.Protocol.MaxOracleAgeSeconds,
            DustThreshold = units.LoanBase(1),
            LenderSupply = units.LoanBase(market.LenderSupply),
            InsuranceSeed = units.LoanBase(design.Insurance?.Fund ?? scenario.Protocol.InsuranceFund),
            InsuranceShare = Wad.Of(design.Insurance?.FeeShare ?? 0.5),
            InsuranceCoversBadDebt = design.Insurance?.FundFirst ?? true,
            CircuitBreaker = design.CircuitBreaker is { } b
                ? new CircuitBreakerConfig(Wad.Of(b.MaxMove), (ulong)b.WindowBlocks, (ulong)b.PauseBlocks, b.PausesBorrowing)
                : null,
            LiquidationModule = Module(design.Liquidation, units),
        };
    }

    /// <summary>designs[].liquidation as the kit deploys it: fractions to WAD (penalties to chop = 1 + penalty), loan amounts to base units.</summary>
    public static LiquidationModuleConfig? Module(LiquidationMechanismSpec? spec, Agents.MarketUnits units) => spec switch
    {
        DutchAuctionSpec d => new DutchAuctionConfig(
            Wad.Of(d.StartBuffer), Wad.Of(1 + d.Penalty), (ulong)d.ResetAfterSeconds, Wad.Of(d.ResetBelow), d.ExponentialDecay,
            Tau: d.ExponentialDecay ? 0 : (ulong)d.DecaySeconds, Cut: d.ExponentialDecay ? Wad.Of(d.Cut) : 0, Step: d.ExponentialDecay ? (ulong)d.DecaySeconds : 0,
            Wad.Of(d.KickerShare), units.LoanBase(d.KickerTip)),
        EnglishAuctionSpec e => new EnglishAuctionConfig(Wad.Of(1 + e.MinIncrement), (ulong)e.BidDurationSeconds, (ulong)e.AuctionSeconds, Wad.Of(1 + e.Penalty)),
        StabilityPoolSpec p => new StabilityPoolConfig(units.LoanBase(p.Deposits), Wad.Of(p.CallerShare)),
        _ => null,
    };

    /// <summary>The contract behind a mode: exogenous, chainlink and market are the keeper's pushes.</summary>
    public static FeedKind FeedOf(OracleMode mode) => mode switch
    {
        OracleMode.Twap => FeedKind.Twap,
        OracleMode.Spot => FeedKind.Spot,
        OracleMode.Median => FeedKind.Median,
        _ => FeedKind.Push,
    };

    /// <summary>
    /// Fixed designs pass their four numbers. Dynamic designs map the scenario's knobs onto
    /// DynamicMargin: every knob is a scenario field (docs/scenario-schema.md); the defaults of
    /// the optional ones live in <see cref="DynamicMarginParameters"/> and the parser.
    /// </summary>
    public static MarginDesignConfig Margin(DesignSpec design)
    {
        var b = design.Base;
        return design.Model switch
        {
            MarginModelKind.Fixed => new FixedMarginConfig(Wad.Of(b.InitialLtv), Wad.Of(b.LiquidationThreshold), Wad.Of(b.CloseFactor), Wad.Of(b.Bonus)),
            MarginModelKind.Dynamic when design.Dynamic is { } d => new DynamicMarginSettings(
                MinLiquidationThreshold: Wad.Of(d.MinThreshold),
                MaxLiquidationThreshold: Wad.Of(d.MaxThreshold),
                VolSensitivity: Wad.Of(d.VolatilitySensitivity),
                LtvGap: Wad.Of(Math.Max(0, b.LiquidationThreshold - b.InitialLtv)),
                CloseFactor: Wad.Of(b.CloseFactor),
                MinBonus: Wad.Of(b.Bonus),
                MaxBonus: Wad.Of(d.MaxBonus ?? DynamicMarginParameters.DefaultMaxBonus(b.Bonus)),
                BonusVolSensitivity: Wad.Of(d.BonusVolatilitySensitivity ?? b.Bonus),
                EwmaDecay: Wad.Of(d.EwmaDecay),
                MaxReturnPerRound: Wad.Of(d.MaxReturnPerRound),
                MaxThresholdStepPerBlock: Wad.Of(d.MaxThresholdChangePerBlock),
                MaxBonusStepPerBlock: Wad.Of(d.MaxBonusChangePerBlock),
                DepthSensitivity: Wad.Of(d.LiquiditySensitivity),
                MaxDepthHaircut: Wad.Of(d.MaxDepthHaircut ?? Math.Max(0, d.MaxThreshold - d.MinThreshold))),
            MarginModelKind.Tiered => new TieredMarginConfig(
                new FixedMarginConfig(Wad.Of(b.InitialLtv), Wad.Of(b.LiquidationThreshold), Wad.Of(b.CloseFactor), Wad.Of(b.Bonus)),
                [.. design.HealthBands.Select(h => new HealthBandConfig(Wad.Of(h.HealthBelow), Wad.Of(h.CloseFactor), Wad.Of(h.Bonus)))]),
            MarginModelKind.Custom => new CustomMarginConfig(design.Contract, [
                Wad.Of(b.InitialLtv), Wad.Of(b.LiquidationThreshold), Wad.Of(b.CloseFactor), Wad.Of(b.Bonus)]),
            _ => throw new ArgumentException($"design '{design.Name}': a dynamic design needs its dynamic parameters", nameof(design)),
        };
    }
}
