using ProtocolLab.Chain.Hex;

namespace ProtocolLab.Simulation.Engine;

/// <summary>
/// Agent addresses derived from their role and index: the same on every run and every machine.
/// anvil signs for them (--auto-impersonate), so the harness holds no keys.
/// </summary>
public static class SimulationAccounts
{
    public static Address Borrower(int id) => Derive($"protocollab/borrower/{id}");

    public static Address Liquidator(int index) => Derive($"protocollab/liquidator/{index}");

    public static Address Arbitrageur { get; } = Derive("protocollab/arbitrageur");

    /// <summary>Other users of the chain, whose demand fills blocks in a congestion window.</summary>
    public static Address Background(int index) => Derive($"protocollab/background/{index}");

    public static Address CompetingArbitrageur(int index) => Derive($"protocollab/arbitrageurs/{index}");

    /// <summary>A liquidity provider of the pair (agents.liquidityProviders).</summary>
    public static Address LiquidityProvider(int index) => Derive($"protocollab/liquidity-providers/{index}");

    private static Address Derive(string label) => new(Keccak256.Hash(label).AsSpan(12));
}
