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

    /// <summary>A keeper pushes the fundamental price on deviation or heartbeat (a Chainlink ETH/USD feed).</summary>
    Chainlink,

    /// <summary>The median of several source feeds behind a deviation guard (MedianFeed).</summary>
    Median,
}

public sealed record OracleSpec(
    OracleMode Mode,
    double DeviationThreshold,
    int HeartbeatSeconds,
    int TwapWindowSeconds)
{
    /// <summary>The median's source feeds in scenario order, each one of the other modes; empty unless the mode is median.</summary>
    public IReadOnlyList<OracleMode> Sources { get; init; } = [];

    /// <summary>The median's guard: the largest move from the previous accepted answer one update may make (0.1 = 10%).</summary>
    public double MaxDeviationPerUpdate { get; init; }

    /// <summary>Seconds per hop of the OSM-style delay module in front of the market; 0 = no delay.</summary>
    public int DelaySeconds { get; init; }

    /// <summary>The feeds the kit deploys and the keeper serves, in order: the median's sources, or the mode's one feed.</summary>
    public IReadOnlyList<OracleMode> Feeds => Mode == OracleMode.Median ? Sources : [Mode];

    /// <summary>True when the market reads the keeper's one pushed feed directly: a pushed price is then the market's next price.</summary>
    public bool MarketReadsThePush => Mode != OracleMode.Median && DelaySeconds == 0;

    /// <summary>Value equality, the sources compared element by element (a record compares lists by reference).</summary>
    public bool Equals(OracleSpec? other) =>
        other is not null && Mode == other.Mode && DeviationThreshold.Equals(other.DeviationThreshold) && HeartbeatSeconds == other.HeartbeatSeconds
        && TwapWindowSeconds == other.TwapWindowSeconds && Sources.SequenceEqual(other.Sources)
        && MaxDeviationPerUpdate.Equals(other.MaxDeviationPerUpdate) && DelaySeconds == other.DelaySeconds;

    public override int GetHashCode() => HashCode.Combine(Mode, DeviationThreshold, HeartbeatSeconds, TwapWindowSeconds, Sources.Count, MaxDeviationPerUpdate, DelaySeconds);

    /// <summary>True for the modes that read the Uniswap pair (and so follow the price path only through arbitrage).</summary>
    public static bool ReadsPair(OracleMode mode) => mode is OracleMode.Market or OracleMode.Twap or OracleMode.Spot;
}
