using ProtocolLab.Chain.Artifacts;
using ProtocolLab.Chain.Contracts;
using ProtocolLab.Chain.Hex;
using ProtocolLab.Protocols;
using ProtocolLab.Protocols.MorphoBlue;
using ProtocolLab.Simulation.Engine;
using ProtocolLab.Simulation.ExternalLending;
using ProtocolLab.Simulation.Scenarios;

namespace ProtocolLab.Simulation.MorphoBlue;

/// <summary>
/// Morpho Blue (Morpho.sol 1.0.0 compiled from its sources) as a protocol adapter: the design's
/// liquidationThreshold is the market's LLTV (its incentive follows from it); the scenario's feed
/// prices the collateral through MorphoOracleAdapter; the scenario's bots liquidate by naming the
/// collateral they seize. Each run supplies and borrows its own population's positions on the set-up state.
/// </summary>
internal sealed class MorphoBlueAdapter : ExternalLendingAdapter<MorphoBlueDeployment>
{
    private static readonly ExternalProtocol Morpho = new(
        "morpho-blue", "Morpho", "MorphoOracleAdapter", "exogenous or market",
        "Morpho Blue has no insurance fund: a market's bad debt is written off against its suppliers at once");

    private MorphoBlueAdapter(Scenario scenario, DesignSpec design, MorphoBlueDeployment deployment)
        : base(Morpho, scenario, design, deployment)
    {
    }

    public static Task<MorphoBlueAdapter> CreateAsync(
        ChainSession session, ArtifactStore artifacts, Address owner, Scenario scenario, DesignSpec design, CancellationToken cancellationToken) =>
        CreateAsync(
            Morpho,
            scenario,
            market => MorphoBlueKit.DeployAsync(session, artifacts, owner, new MorphoBlueKitOptions { Market = market, Lltv = Wad.Of(design.Base.LiquidationThreshold) }, cancellationToken),
            deployment => new MorphoBlueAdapter(scenario, design, deployment),
            cancellationToken);

    protected override IProtocolRun NewRun(string directory) => new MorphoBlueRun(this, directory);
}
