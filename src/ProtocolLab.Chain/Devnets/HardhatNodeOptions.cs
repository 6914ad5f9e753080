using ProtocolLab.Chain.Rpc;

namespace ProtocolLab.Chain.Devnets;

public sealed record HardhatNodeOptions
{
    /// <summary>The repo whose node_modules and hardhat.config.js are used; when null, found by walking up.</summary>
    public string? RepoRoot { get; init; }

    public string? LogPath { get; init; }

    public TimeSpan StartupTimeout { get; init; } = TimeSpan.FromSeconds(90);

    public IReadOnlyList<string> ExtraArguments { get; init; } = [];

    public JsonRpcClientOptions? Rpc { get; init; }
}
