using ProtocolLab.Chain.Hex;

namespace ProtocolLab.Simulation.Options;

/// <summary>
/// Addresses of the options agents, derived from role and index like the lending agents' (liquidators
/// and the arbitrageur are the lending ones), so every run and machine sees the same accounts.
/// </summary>
public static class OptionsAccounts
{
    public static Address Writer(int index) => Derive($"protocollab/option-writer/{index}");

    public static Address Buyer(int index) => Derive($"protocollab/option-buyer/{index}");

    public static Address Hedger(int index) => Derive($"protocollab/option-hedger/{index}");

    private static Address Derive(string label) => new(Keccak256.Hash(label).AsSpan(12));
}
