namespace ProtocolLab.Chain.Hex;

/// <summary>Stand-in for the runtime's 20-byte address.</summary>
public readonly record struct Address(string Hex);
