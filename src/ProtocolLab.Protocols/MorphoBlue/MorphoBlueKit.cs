using ProtocolLab.Chain.Abi;
using ProtocolLab.Chain.Artifacts;
using ProtocolLab.Chain.Contracts;
using ProtocolLab.Chain.Hex;
using ProtocolLab.Protocols.Bindings;
using ProtocolLab.Protocols.Markets;

namespace ProtocolLab.Protocols.MorphoBlue;

/// <summary>
/// Deploys the real Morpho Blue (Morpho.sol 1.0.0 as the repo's build compiles it: solc 0.8.19 with
/// Morpho's own settings) over the same two test tokens and seeded Uniswap V2 pair as the other kits.
/// The owner owns Morpho, keeps the collateral's PushFeed and supplies the market's loan asset. The
/// market's IRM is the zero address, which Morpho reads as no interest: balances never accrue, so the
/// liquidation numbers are exact to the wei.
/// </summary>
public static class MorphoBlueKit
{
    public const int FeedDecimals = 8;

    /// <summary>The zero address: the IRM Morpho skips, so borrows accrue nothing.</summary>
    public static Address NoInterest => Address.Zero;

    public static async Task<MorphoBlueDeployment> DeployAsync(
        ChainSession session, ArtifactStore artifacts, Address owner, MorphoBlueKitOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(artifacts);
        ArgumentNullException.ThrowIfNull(options);
        // Morpho refuses an LLTV of 1 or more ("max LLTV exceeded"): say so before the first transaction.
        if (options.Lltv.Sign <= 0 || options.Lltv >= MorphoMath.Wad)
            throw new ArgumentOutOfRangeException(nameof(options), options.Lltv, "Lltv must be above 0 and below 1 (1e18 WAD): Morpho Blue refuses an LLTV of 100% or more");

        var (collateral, loan, uniswap, pair) = await TokenPairMarket.DeployAsync(session, artifacts, owner, options.Market, cancellationToken);
        var feed = await PushFeed.DeployAsync(
            session, artifacts, owner, FeedDecimals, $"{options.Market.Collateral.Symbol} / {options.Market.Loan.Symbol}", owner, cancellationToken: cancellationToken);
        await feed.PushAnswerAsync(owner, options.Market.InitialAnswer, cancellationToken: cancellationToken);
        var oracle = await MorphoOracleAdapter.DeployAsync(session, artifacts, owner, feed.Address, collateral.Address, loan.Address, cancellationToken: cancellationToken);

        var morpho = await DeployMorphoAsync(session, artifacts, owner, cancellationToken);
        var market = new MorphoMarketParams(loan.Address, collateral.Address, oracle.Address, NoInterest, options.Lltv);
        await morpho.SendAsync(owner, "enableIrm", [NoInterest], cancellationToken: cancellationToken);
        await morpho.SendAsync(owner, "enableLltv", [options.Lltv], cancellationToken: cancellationToken);
        await morpho.SendAsync(owner, "createMarket", [market.Tuple], cancellationToken: cancellationToken);

        if (options.Market.LenderSupply > 0)
        {
            await loan.ApproveAsync(owner, morpho.Address, options.Market.LenderSupply, cancellationToken: cancellationToken);
            await morpho.SendAsync(owner, "supply", [market.Tuple, options.Market.LenderSupply, 0, owner, Array.Empty<byte>()], cancellationToken: cancellationToken);
        }

        return new MorphoBlueDeployment(owner, collateral, loan, uniswap, pair, feed, oracle, morpho, market);
    }

    /// <summary>
    /// Morpho with its events in its ABI: solc 0.8.19 leaves events a contract emits through a library
    /// (EventsLib) out of the contract's ABI, so they come from EventsLib's artifact.
    /// </summary>
    private static async Task<Contract> DeployMorphoAsync(ChainSession session, ArtifactStore artifacts, Address owner, CancellationToken cancellationToken)
    {
        var artifact = artifacts.Get("Morpho");
        var events = artifacts.Get("EventsLib").Abi.Events;
        var abi = new ContractAbi(artifact.Abi.Constructor, artifact.Abi.Functions, events, artifact.Abi.Errors);
        var address = await Deployer.DeployAsync(session, artifact, owner, [owner], cancellationToken: cancellationToken);
        return new Contract(session, address, abi);
    }
}
