namespace ProtocolLab.Chain.Devnets;

/// <summary>Which chain to run on: "anvil" (default), "hardhat", or an http(s) URL of a running node.</summary>
public sealed record DevnetOptions
{
    public string Backend { get; init; } = "anvil";

    /// <summary>Set by --allow-public-chain: lets a URL backend serve a public network's chain id.</summary>
    public bool AllowPublicChain { get; init; }

    public AnvilOptions Anvil { get; init; } = new();

    public HardhatNodeOptions Hardhat { get; init; } = new();
}

public static class DevnetFactory
{
    public static async Task<IDevnet> StartAsync(DevnetOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new DevnetOptions();
        var backend = options.Backend.Trim();
        if (backend.Equals("anvil", StringComparison.OrdinalIgnoreCase))
            return await AnvilDevnet.StartAsync(options.Anvil, cancellationToken).ConfigureAwait(false);
        if (backend.Equals("hardhat", StringComparison.OrdinalIgnoreCase))
            return await HardhatNodeDevnet.StartAsync(options.Hardhat, cancellationToken).ConfigureAwait(false);
        if (Uri.TryCreate(backend, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps))
            return await ExternalDevnet.ConnectAsync(url, options.AllowPublicChain, cancellationToken).ConfigureAwait(false);
        throw new ArgumentException($"unknown devnet backend \"{backend}\": expected anvil, hardhat or an http(s) URL", nameof(options));
    }
}
