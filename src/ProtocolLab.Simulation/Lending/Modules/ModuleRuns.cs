using System.Numerics;
using ProtocolLab.Chain.Contracts;
using ProtocolLab.Chain.Hex;
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

    /// <summary>A bot by its scenario name, any other account by its address.</summary>
    public static string BotName(LendingAdapter world, Address account) =>
        world.Liquidators.FirstOrDefault(l => l.Address == account) is { } bot ? bot.Config.Name : account.ToString();

    /// <summary>Counts a call that landed for <paramref name="sender"/> when it is one of the bots.</summary>
    public static void CountSucceeded(IReadOnlyDictionary<Address, int> bots, Address sender, int[] succeeded)
    {
        if (bots.TryGetValue(sender, out var i))
            succeeded[i]++;
    }

    /// <summary><paramref name="amount"/> x <paramref name="fraction"/>, the fraction rounded to parts per million.</summary>
    public static BigInteger TimesFraction(BigInteger amount, double fraction) => amount * new BigInteger(Math.Round(fraction * 1_000_000)) / 1_000_000;
}
