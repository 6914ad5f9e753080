namespace ProtocolLab.Protocols.Markets;

/// <summary>An ERC20 test token to deploy.</summary>
public sealed record TokenConfig(string Name, string Symbol, int Decimals);
