using ProtocolLab.Chain.Artifacts;
using ProtocolLab.Chain.Contracts;
using ProtocolLab.Chain.Hex;
using ProtocolLab.Protocols;
using ProtocolLab.Protocols.AaveV3;
using ProtocolLab.Simulation.Engine;
using ProtocolLab.Simulation.ExternalLending;
using ProtocolLab.Simulation.Scenarios;

namespace ProtocolLab.Simulation.AaveV3;

/// <summary>
/// Aave v3 (the real @aave/core-v3 bytecode) as a protocol adapter: the design's LTV, threshold and
/// bonus configure the collateral reserve; the scenario's feed prices it through AaveOracle; the
/// scenario's bots call liquidationCall under Aave's own close-factor rule. Each run supplies and
/// borrows its own population's positions on the set-up state.
/// </summary>
internal sealed class AaveV3Adapter : ExternalLendingAdapter<AaveV3Deployment>
{
    private static readonly ExternalProtocol Aave = new(
        "aave-v3", "Aave", "AaveOracle", "exogenous, chainlink or market",
        "Aave v3 has no insurance fund that covers bad debt (its treasury takes a protocol fee)");

    private AaveV3Adapter(Scenario scenario, DesignSpec design, AaveV3Deployment deployment)
        : base(Aave, scenario, design, deployment)
    {
    }

    public static Task<AaveV3Adapter> CreateAsync(
        ChainSession session, ArtifactStore artifacts, Address owner, Scenario scenario, DesignSpec design, CancellationToken cancellationToken) =>
        CreateAsync(
            Aave,
            scenario,
            market => AaveV3Kit.DeployAsync(session, artifacts, owner, new AaveV3KitOptions
            {
                Market = market,
                Ltv = Wad.Of(design.Base.InitialLtv),
                LiquidationThreshold = Wad.Of(design.Base.LiquidationThreshold),
                Bonus = Wad.Of(design.Base.Bonus),
            }, cancellationToken),
            deployment => new AaveV3Adapter(scenario, design, deployment),
            cancellationToken);

    protected override IProtocolRun NewRun(string directory) => new AaveV3Run(this, directory);
}
