using ProtocolLab.Chain;
using ProtocolLab.Chain.Artifacts;
using ProtocolLab.Chain.Contracts;
using ProtocolLab.Chain.Hex;
using ProtocolLab.Simulation.Engine;
using ProtocolLab.Simulation.Lending;
using ProtocolLab.Simulation.Options;
using ProtocolLab.Simulation.Scenarios;

namespace ProtocolLab.Simulation.Runs;

/// <summary>The one place that knows which adapter a scenario runs: the pipeline and the runner never do.</summary>
internal static class ProtocolAdapters
{
    public static async Task<IProtocolAdapter> CreateAsync(
        ChainSession session, ArtifactStore artifacts, Address owner, Scenario scenario, DesignSpec design, CancellationToken cancellationToken) =>
        scenario.Protocol.Kind switch
        {
            ProtocolKind.ProtocolLab when scenario.Options is not null => await OptionsAdapter.CreateAsync(session, artifacts, owner, scenario, design, cancellationToken),
            ProtocolKind.ProtocolLab => await LendingAdapter.CreateAsync(session, artifacts, owner, scenario, design, cancellationToken),
            ProtocolKind.AaveV3 => await AaveV3.AaveV3Adapter.CreateAsync(session, artifacts, owner, scenario, design, cancellationToken),
            ProtocolKind.MorphoBlue => await MorphoBlue.MorphoBlueAdapter.CreateAsync(session, artifacts, owner, scenario, design, cancellationToken),
            var kind => throw new UserInputException($"{scenario.SourcePath}: protocol.kind {RealProtocolRules.Name(kind)} has no adapter in this build"),
        };
}
