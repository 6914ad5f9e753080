namespace ProtocolLab.Chain.Rpc;

public sealed record JsonRpcClientOptions
{
    public static JsonRpcClientOptions Default { get; } = new();

    /// <summary>Deadline of one call or one batch, from sending to the parsed answer.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);

    public int MaxConnectionsPerServer { get; init; } = 16;

    /// <summary>Devnets are local, so the environment's proxy is ignored unless asked for.</summary>
    public bool UseProxy { get; init; }
}
