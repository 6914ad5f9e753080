using ProtocolLab.Chain;
using ProtocolLab.Simulation.Scenarios;

namespace ProtocolLab.Simulation.ExternalLending;

/// <summary>
/// How an external debt protocol is named to the user, and what this build does not model on it yet:
/// a scenario that asks for it is refused before anything deploys.
/// </summary>
/// <param name="Kind">The scenario's protocol.kind.</param>
/// <param name="Name">The protocol in the set-up steps' names and in the refusals.</param>
/// <param name="OracleReader">The protocol's contract that reads the keeper's pushed feed.</param>
/// <param name="OracleModes">The oracle modes that push that feed, as the refusal lists them.</param>
/// <param name="NoInsuranceFund">Why protocol.insuranceFund has nothing to fund on this protocol.</param>
internal sealed record ExternalProtocol(string Kind, string Name, string OracleReader, string OracleModes, string NoInsuranceFund)
{
    public void Refuse(Scenario scenario)
    {
        if (scenario.Oracle.Mode is OracleMode.Twap or OracleMode.Spot)
            throw new UserInputException($"{scenario.SourcePath}: oracle.mode: {Kind} reads the keeper's pushed feed through {OracleReader}; use {OracleModes}");
        if (scenario.Population.Behaviours.Any(b => b is not PassiveBehaviourSpec && b.Share > 0))
            throw new UserInputException($"{scenario.SourcePath}: population.behaviours: {Kind} borrowers are passive in this build (no top-up or deleverage on {Name} yet)");
        if (scenario.Population.OpeningPrice is not null)
            throw new UserInputException($"{scenario.SourcePath}: population.openingPrice: {Kind} opens every position at the initial price in this build");
        if (scenario.Protocol.InsuranceFund > 0)
            throw new UserInputException($"{scenario.SourcePath}: protocol.insuranceFund: {NoInsuranceFund}; remove it");
    }
}
