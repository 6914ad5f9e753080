using System.Numerics;
using ProtocolLab.Protocols;
using ProtocolLab.Protocols.Markets;
using ProtocolLab.Simulation.Agents;
using ProtocolLab.Simulation.Agents.Borrowers;
using ProtocolLab.Simulation.Randomness;
using ProtocolLab.Simulation.Scenarios;

namespace ProtocolLab.Simulation.Engine;

/// <summary>What every protocol's kit takes from a scenario's shared world: units, tokens, the pair, the feed's answers.</summary>
internal static class WorldKit
{
    /// <summary>Decimals of the feeds the keeper pushes (Chainlink's USD feeds).</summary>
    public const int FeedDecimals = 8;

    public static MarketUnits Units(Scenario scenario) => new(scenario.Market.Collateral.Decimals, scenario.Market.Loan.Decimals);

    /// <summary>The oracle answer (8 decimals) for a price in whole loan units per whole collateral unit.</summary>
    public static BigInteger Answer(double price) => TokenUnits.ToBaseUnits(price, FeedDecimals);

    public static TokenConfig CollateralToken(Scenario scenario) => Token(scenario.Market.Collateral.Symbol, scenario.Market.Collateral.Decimals);

    public static TokenConfig LoanToken(Scenario scenario) => Token(scenario.Market.Loan.Symbol, scenario.Market.Loan.Decimals);

    public static (BigInteger Collateral, BigInteger Loan) PairReserves(Scenario scenario)
    {
        var units = Units(scenario);
        return (units.CollateralBase(scenario.Market.PairReserves.Collateral), units.LoanBase(scenario.Market.PairReserves.Loan));
    }

    /// <summary>Run <paramref name="run"/>'s borrowers: their own draw unless the scenario keeps one population for every run, or the imported positions.</summary>
    public static IReadOnlyList<Borrower> Population(Scenario scenario, int run)
    {
        var random = SeededRandom.ForStream(scenario.Seed, scenario.Population.StreamRun(run), "population");
        return scenario.Population.Imported is null
            ? BorrowerPopulation.Generate(scenario.Population, Units(scenario), random)
            : BorrowerPopulation.Import(scenario.Population, Units(scenario), scenario.Market.InitialPrice, random);
    }

    private static TokenConfig Token(string symbol, int decimals) => new($"{symbol} (ProtocolLab)", symbol, decimals);
}
