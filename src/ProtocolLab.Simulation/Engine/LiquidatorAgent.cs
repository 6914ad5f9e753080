using ProtocolLab.Chain.Hex;
using ProtocolLab.Simulation.Agents.Liquidation;
using ProtocolLab.Simulation.Scenarios;

namespace ProtocolLab.Simulation.Engine;

/// <summary>A liquidator bot: its configuration, address and index (which breaks fee ties).</summary>
internal sealed record LiquidatorAgent(int Index, LiquidatorConfig Config, Address Address)
{
    /// <summary>The scenario's bots, each at its own derived address: the same in every protocol.</summary>
    public static IReadOnlyList<LiquidatorAgent> Of(Scenario scenario) => scenario.Agents.Liquidators
        .Select((spec, i) => new LiquidatorAgent(i, LiquidatorConfig.FromSpec(spec, WorldKit.Units(scenario)), SimulationAccounts.Liquidator(i)))
        .ToList();
}
