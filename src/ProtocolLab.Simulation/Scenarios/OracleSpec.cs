namespace ProtocolLab.Simulation.Scenarios;

public enum OracleMode
{
    /// <summary>A keeper pushes the fundamental (CEX) price every block.</summary>
    Exogenous,

    /// <summary>A keeper pushes the pair's TWAP on deviation or heartbeat (Chainlink-style).</summary>
    Market,

    /// <summary>On-chain Uniswap V2 cumulative-price TWAP.</summary>
    Twap,

    /// <summary>Pair reserves, manipulable: for attack replays.</summary>
    Spot,
}

public sealed record OracleSpec(
    OracleMode Mode,
    double DeviationThreshold,
    int HeartbeatSeconds,
    int TwapWindowSeconds);
