using ProtocolLab.Simulation.Engine;
using ProtocolLab.Simulation.Runs;

namespace ProtocolLab.Cli.Check;

/// <summary>
/// A scenario after its runs: what budgets are evaluated against. <see cref="Path"/> is the
/// scenario file as given on the command line (for the replay command); <see cref="RunError"/>
/// is set, and <see cref="Results"/> empty, when the runs could not complete.
/// </summary>
internal sealed record CheckedScenario(
    string Name,
    ulong Seed,
    string Path,
    IReadOnlyList<DesignResult> Results,
    TimeSpan Elapsed,
    string? RunError = null);
