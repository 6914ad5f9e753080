namespace ProtocolLab.Simulation.Scenarios;

/// <summary>
/// A validated scenario file. Every value here passed the checks documented in
/// docs/scenario-schema.md; the block loop can use it without re-checking.
/// </summary>
public sealed record Scenario(
    string Name,
    string Description,
    ulong Seed,
    int Runs,
    int Blocks,
    int BlockTimeSeconds,
    MarketSpec Market,
    ProtocolSpec Protocol,
    PopulationSpec Population,
    AgentsSpec Agents,
    OracleSpec Oracle,
    PricePathSpec PricePath,
    string SourcePath,
    string Hash)
{
    /// <summary>Set when the file has an <c>options:</c> section: an options scenario (see docs/scenario-schema.md).</summary>
    public Options.OptionsSpec? Options { get; init; }

    /// <summary>Set when the file has a <c>gas:</c> section: the simulated blocks' gas market.</summary>
    public GasSpec? Gas { get; init; }
}

public sealed record AssetSpec(string Symbol, int Decimals);

/// <summary>Initial pool reserves in whole tokens (not base units).</summary>
public sealed record PairReserves(double Collateral, double Loan);

/// <summary>
/// The market. Prices are loan-asset units per one collateral unit.
/// <see cref="PairReserves"/> is either given explicitly or derived from a depth:
/// depth D in loan-asset value on each side gives reserves (D / initialPrice, D).
/// </summary>
public sealed record MarketSpec(
    AssetSpec Collateral,
    AssetSpec Loan,
    double InitialPrice,
    PairReserves PairReserves,
    double ArbitrageCapitalPerBlock,
    double LenderSupply);
