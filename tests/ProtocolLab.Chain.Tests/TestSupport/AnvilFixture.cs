using ProtocolLab.Chain.Devnets;

namespace ProtocolLab.Chain.Tests.TestSupport;

/// <summary>
/// One anvil per test class (IClassFixture&lt;AnvilFixture&gt;), stopped after the class. Classes
/// never share a chain; tests that change chain-wide settings restore them or use snapshots.
/// </summary>
public class AnvilFixture : IAsyncLifetime
{
    private AnvilDevnet? _devnet;

    public AnvilDevnet Devnet => _devnet ?? throw new InvalidOperationException("the anvil fixture has not started");

    protected virtual AnvilOptions Options => new() { Accounts = 10 };

    public async Task InitializeAsync() => _devnet = await AnvilDevnet.StartAsync(Options);

    public async Task DisposeAsync()
    {
        if (_devnet is not null)
            await _devnet.DisposeAsync();
    }
}
