using System.Numerics;
using ProtocolLab.Chain.Artifacts;
using ProtocolLab.Chain.Contracts;
using ProtocolLab.Chain.Hex;
using ProtocolLab.Protocols.Bindings;
using ProtocolLab.Protocols.Markets;
using ProtocolLab.Protocols.Uniswap;

namespace ProtocolLab.Protocols.Lending;

/// <summary>
/// Deploys a complete isolated lending market on a devnet: two test tokens, the real Uniswap V2
/// pair seeded with the configured depth, the feeds (LendingFeedKit), the margin design, the market, its lens, a
/// circuit breaker and a liquidation module (an auction house or a stability pool with its deposits) if configured,
/// and the lender's supply. The owner account deploys everything, mints, and keeps the feed.
/// </summary>
public static class LendingKit
{
    public const int FeedDecimals = 8;

    public static async Task<LendingDeployment> DeployAsync(
        ChainSession session, ArtifactStore artifacts, Address owner, LendingKitOptions options, CancellationToken cancellationToken = default)
    {
        var (collateral, loan, uniswap, pair) = await TokenPairMarket.DeployAsync(
            session, artifacts, owner, options.Collateral, options.Loan, options.PairCollateralReserve, options.PairLoanReserve, options.OwnerLoanMint, cancellationToken);

        var feeds = await LendingFeedKit.DeployAsync(session, artifacts, owner, options, pair, collateral, cancellationToken);
        var feed = feeds.MarketFeed;
        var (margin, dynamic) = await DeployMarginAsync(session, artifacts, owner, options.Margin, feed, pair, collateral, cancellationToken);

        var market = await LendingMarket.DeployAsync(
            session, artifacts, owner, collateral.Address, loan.Address, feed, margin.Address,
            options.MaxOracleAgeSeconds, options.InsuranceShare, options.DustThreshold, options.Rates,
            cancellationToken: cancellationToken);
        // A tiered model reads health factors from its market: bound once both exist.
        if (options.Margin is TieredMarginConfig)
            await new TieredMargin(session, margin.Address).BindAsync(owner, market.Address, cancellationToken: cancellationToken);
        var lens = await LendingLens.DeployAsync(session, artifacts, owner, cancellationToken: cancellationToken);
        CircuitBreaker? breaker = null;
        if (options.CircuitBreaker is { } b)
        {
            breaker = await CircuitBreaker.DeployAsync(session, artifacts, owner, feed, b.MaxMove, b.WindowBlocks, b.PauseBlocks, b.PausesBorrowing, cancellationToken: cancellationToken);
            await breaker.PokeAsync(owner, cancellationToken: cancellationToken);
            await market.SetGuardAsync(owner, breaker.Address, cancellationToken: cancellationToken);
        }

        var (dutch, english, pool) = await DeployModuleAsync(session, artifacts, owner, options.LiquidationModule, market, loan, cancellationToken);

        if (options.LenderSupply > 0)
        {
            await loan.ApproveAsync(owner, market.Address, options.LenderSupply, cancellationToken: cancellationToken);
            await market.SupplyAsync(owner, options.LenderSupply, cancellationToken: cancellationToken);
        }
        if (!options.InsuranceCoversBadDebt)
            await market.SetInsuranceCoversBadDebtAsync(owner, false, cancellationToken: cancellationToken);
        if (options.InsuranceSeed > 0)
        {
            await loan.ApproveAsync(owner, market.Address, options.InsuranceSeed, cancellationToken: cancellationToken);
            await market.FundInsuranceAsync(owner, options.InsuranceSeed, cancellationToken: cancellationToken);
        }

        return new LendingDeployment(owner, collateral, loan, uniswap, pair, new AggregatorV3Interface(session, feed), options.Feed, margin, market, lens)
        {
            DynamicMargin = dynamic,
            Feeds = feeds,
            CircuitBreaker = breaker,
            DutchAuction = dutch,
            EnglishAuction = english,
            StabilityPool = pool,
        };
    }

    /// <summary>Deploys the liquidation module, sets it on the market, and makes a stability pool's deposits.</summary>
    private static async Task<(DutchAuction?, EnglishAuction?, StabilityPool?)> DeployModuleAsync(
        ChainSession session, ArtifactStore artifacts, Address owner, LiquidationModuleConfig? config, LendingMarket market, TestToken loan, CancellationToken cancellationToken)
    {
        switch (config)
        {
            case null:
                return (null, null, null);
            case DutchAuctionConfig d:
                var parameters = new DutchAuction.DutchAuctionParams(d.Buf, d.Chop, d.Tail, d.Cusp, d.Exponential ? (byte)1 : (byte)0, d.Tau, d.Cut, d.Step, d.Chip, d.Tip);
                var dutch = await DutchAuction.DeployAsync(session, artifacts, owner, market.Address, parameters, cancellationToken: cancellationToken);
                await market.SetLiquidationModuleAsync(owner, dutch.Address, cancellationToken: cancellationToken);
                return (dutch, null, null);
            case EnglishAuctionConfig e:
                var english = await EnglishAuction.DeployAsync(
                    session, artifacts, owner, market.Address, new EnglishAuction.EnglishAuctionParams(e.Beg, e.Ttl, e.Tau, e.Chop), cancellationToken: cancellationToken);
                await market.SetLiquidationModuleAsync(owner, english.Address, cancellationToken: cancellationToken);
                return (null, english, null);
            case StabilityPoolConfig p:
                var pool = await StabilityPool.DeployAsync(session, artifacts, owner, market.Address, p.CallerShare, cancellationToken: cancellationToken);
                await market.SetLiquidationModuleAsync(owner, pool.Address, cancellationToken: cancellationToken);
                if (p.Deposits > 0)
                {
                    await loan.ApproveAsync(owner, pool.Address, p.Deposits, cancellationToken: cancellationToken);
                    await pool.DepositAsync(owner, p.Deposits, cancellationToken: cancellationToken);
                }
                return (null, null, pool);
            default:
                throw new ArgumentOutOfRangeException(nameof(config), config, "unknown liquidation module");
        }
    }

    private static async Task<(Contract Model, DynamicMargin? Dynamic)> DeployMarginAsync(
        ChainSession session, ArtifactStore artifacts, Address owner, MarginDesignConfig design, Address feed, UniswapV2Pair pair, TestToken collateral, CancellationToken cancellationToken)
    {
        switch (design)
        {
            case FixedMarginConfig f:
                return (await FixedMargin.DeployAsync(session, artifacts, owner, f.InitialLtv, f.LiquidationThreshold, f.CloseFactor, f.Bonus, cancellationToken: cancellationToken), null);
            case DynamicMarginSettings d:
                var config = new DynamicMargin.DynamicMarginConfig(
                    feed, pair.Address, collateral.Address, owner, d.MinLiquidationThreshold, d.MaxLiquidationThreshold, d.VolSensitivity,
                    d.LtvGap, d.CloseFactor, d.MinBonus, d.MaxBonus, d.BonusVolSensitivity, d.EwmaDecay, d.MaxReturnPerRound,
                    d.MaxThresholdStepPerBlock, d.MaxBonusStepPerBlock, d.DepthSensitivity, d.MaxDepthHaircut);
                var dynamic = await DynamicMargin.DeployAsync(session, artifacts, owner, config, cancellationToken: cancellationToken);
                await dynamic.PokeAsync(owner, cancellationToken: cancellationToken);
                return (dynamic, dynamic);
            case TieredMarginConfig t:
                var tiered = await TieredMargin.DeployAsync(
                    session, artifacts, owner,
                    new TieredMargin.MarginParams(t.Base.InitialLtv, t.Base.LiquidationThreshold, t.Base.CloseFactor, t.Base.Bonus),
                    [.. t.Bands.Select(b => new TieredMargin.HealthBand(b.HealthBelow, b.CloseFactor, b.Bonus))],
                    cancellationToken: cancellationToken);
                return (tiered, null);
            case CustomMarginConfig c:
                var artifact = artifacts.Get(c.ContractName);
                var address = await Deployer.DeployAsync(session, artifact, owner, [.. c.ConstructorArgs], cancellationToken: cancellationToken);
                return (new Contract(session, address, artifact.Abi), null);
            default:
                throw new ArgumentOutOfRangeException(nameof(design), design, "unknown margin design");
        }
    }
}
