using ProtocolLab.Chain.Artifacts;
using ProtocolLab.Chain.Contracts;
using ProtocolLab.Chain.Hex;
using ProtocolLab.Protocols.Bindings;
using ProtocolLab.Protocols.Lending;
using ProtocolLab.Protocols.Markets;

namespace ProtocolLab.Protocols.Options;

/// <summary>
/// Deploys a complete options market on a devnet: the two test tokens and the seeded Uniswap V2 pair
/// (shared with the lending kit), a push feed, the volatility oracle, the option margin design, the
/// vault with its series, and the lens. The owner deploys everything, mints, and keeps both oracles.
/// </summary>
public static class OptionKit
{
    public const int FeedDecimals = LendingKit.FeedDecimals;

    public static async Task<OptionDeployment> DeployAsync(
        ChainSession session, ArtifactStore artifacts, Address owner, OptionKitOptions options, CancellationToken cancellationToken = default)
    {
        var market = await TokenPairMarket.DeployAsync(
            session, artifacts, owner, options.Underlying, options.Loan, options.PairUnderlyingReserve, options.PairLoanReserve, 0, cancellationToken);

        var feed = await PushFeed.DeployAsync(
            session, artifacts, owner, FeedDecimals, $"{options.Underlying.Symbol} / {options.Loan.Symbol}", owner, cancellationToken: cancellationToken);
        await feed.PushAnswerAsync(owner, options.InitialAnswer, cancellationToken: cancellationToken);
        var volatility = await VolatilityOracle.DeployAsync(
            session, artifacts, owner, feed.Address, owner, options.EwmaDecay, options.InitialVolatility, options.MinVolatility, options.MaxVolatility,
            cancellationToken: cancellationToken);
        await volatility.PokeAsync(owner, cancellationToken: cancellationToken);
        if (options.ImpliedVolatility > 0)
            await volatility.SetImpliedVolatilityAsync(owner, options.ImpliedVolatility, cancellationToken: cancellationToken);

        var margin = await DeployMarginAsync(session, artifacts, owner, options.Margin, cancellationToken);
        var vault = await OptionVault.DeployAsync(session, artifacts, owner, new OptionVault.OptionVaultConfig(
            market.Loan.Address, market.Collateral.Address, feed.Address, volatility.Address, margin.Address, owner,
            options.MaxOracleAgeSeconds, options.LiquidationPenalty, options.PremiumSpread, options.StrikeBand), cancellationToken: cancellationToken);
        foreach (var s in options.Series)
            await vault.CreateSeriesAsync(owner, s.IsCall, s.UnderlyingCollateral, s.Strike, s.Expiry, cancellationToken: cancellationToken);
        var lens = await OptionLens.DeployAsync(session, artifacts, owner, vault.Address, cancellationToken: cancellationToken);

        return new OptionDeployment(owner, market, feed, volatility, margin, vault, lens, options.Series);
    }

    private static async Task<Contract> DeployMarginAsync(
        ChainSession session, ArtifactStore artifacts, Address owner, OptionMarginConfig design, CancellationToken cancellationToken) => design switch
        {
            FixedOptionMarginConfig f => await FixedOptionMargin.DeployAsync(session, artifacts, owner, f.UnderlyingPct, f.FloorPct, f.InitialFactor, cancellationToken: cancellationToken),
            RiskBasedOptionMarginConfig r => await RiskBasedOptionMargin.DeployAsync(session, artifacts, owner, new RiskBasedOptionMargin.RiskBasedOptionMarginConfig(
                r.SigmaMultiple, r.HorizonSeconds, r.MinMove, r.MaxMove, r.VolShockUp, r.GridPoints, r.FloorPct, r.InitialFactor), cancellationToken: cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(design), design, "unknown option margin design"),
        };
}
