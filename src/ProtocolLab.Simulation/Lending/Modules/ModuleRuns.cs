using ProtocolLab.Chain.Contracts;
using ProtocolLab.Simulation.Scenarios;

namespace ProtocolLab.Simulation.Lending.Modules;

/// <summary>The run of the design's liquidation module, if its market has one.</summary>
internal static class ModuleRuns
{
    /// <summary>An auction sale (an English deal, a Dutch take) paid less than this share of the collateral's value at the external price counts as a zero-bid win.</summary>
    public const double ZeroBidShare = 0.01;

    public static ILendingModuleRun? For(LendingAdapter world, string directory)
    {
        var d = world.Deployment;
        return world.Design.Liquidation switch
        {
            DutchAuctionSpec spec when d.DutchAuction is { } auction => new DutchAuctionRun(world, auction, spec, directory),
            EnglishAuctionSpec spec when d.EnglishAuction is { } auction => new EnglishAuctionRun(world, auction, spec, directory),
            StabilityPoolSpec spec when d.StabilityPool is { } pool => new StabilityPoolRun(world, pool, spec),
            null when d.LiquidationModule is null => null,
            var spec => throw new InvalidOperationException($"design '{world.Design.Name}': no run for liquidation {spec?.Kind ?? "market"} on this deployment"),
        };
    }
}
