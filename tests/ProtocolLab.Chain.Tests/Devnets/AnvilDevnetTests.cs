using System.Globalization;
using System.Numerics;
using ProtocolLab.Chain.Devnets;
using ProtocolLab.Chain.Rpc;
using ProtocolLab.Chain.Tests.TestSupport;

namespace ProtocolLab.Chain.Tests.Devnets;

/// <summary>Lifecycle tests: each starts and stops its own anvil.</summary>
public class AnvilDevnetTests
{
    [Fact]
    public async Task StartAsync_Defaults_ListensOnLoopbackOnlyWithFundedAccounts()
    {
        // Given / When
        await using var devnet = await AnvilDevnet.StartAsync(new AnvilOptions { Accounts = 3 });

        // Then
        Assert.Equal("127.0.0.1", devnet.RpcUrl.Host);
        var host = devnet.Arguments.ToList().IndexOf("--host");
        Assert.Equal("127.0.0.1", devnet.Arguments[host + 1]);
        Assert.Equal(["0100007F"], ListeningAddresses(devnet.RpcUrl.Port));
        Assert.Equal(31337ul, devnet.ChainId);
        Assert.Equal(3, devnet.Accounts.Count);
        Assert.Equal(BigInteger.Pow(10, 22), await devnet.Eth.GetBalanceAsync(devnet.Accounts[0]));
    }

    [Fact]
    public async Task StartAsync_Options_ReachAnvil()
    {
        await using var devnet = await AnvilDevnet.StartAsync(new AnvilOptions
        {
            Accounts = 1,
            ChainId = 1337,
            Automine = false,
            BlockGasLimit = 50_000_000,
            BaseFeePerGas = 7,
            Order = TransactionOrder.Fifo,
        });

        var hash = await devnet.Eth.SendTransactionAsync(new TransactionRequest(devnet.Accounts[0]) { To = devnet.Accounts[0], Gas = 21_000 });
        var pendingReceipt = await devnet.Eth.GetTransactionReceiptAsync(hash);
        var block = await devnet.Eth.GetBlockAsync();

        Assert.Equal(1337ul, devnet.ChainId);
        Assert.Null(pendingReceipt);
        Assert.Equal(50_000_000ul, block!.GasLimit);
        Assert.Equal(7, block.BaseFeePerGas);
        Assert.Contains("fifo", devnet.Arguments);
    }

    [Fact]
    public async Task DisposeAsync_TestThrowsInsideAwaitUsing_NoAnvilProcessLeft()
    {
        // Given
        var pid = 0;

        // When
        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await using var devnet = await AnvilDevnet.StartAsync(new AnvilOptions { Accounts = 1 });
            pid = devnet.ProcessId;
            Assert.True(ProcessProbe.IsRunning(pid));
            throw new InvalidOperationException("the test failed");
        });

        // Then
        Assert.NotEqual(0, pid);
        Assert.False(ProcessProbe.IsRunning(pid));
    }

    [Fact]
    public async Task StartAsync_MissingBinary_ThrowsClearError()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-dir", "anvil");

        var error = await Assert.ThrowsAsync<DevnetBinaryNotFoundException>(() => AnvilDevnet.StartAsync(new AnvilOptions { AnvilPath = missing }));

        Assert.Equal($"anvil not found at {missing}: run `dotnet build` in the repo root, which installs the npm packages (or point PROTOCOLLAB_ANVIL at an anvil binary)", error.Message);
    }

    [Fact]
    public async Task StartAsync_AnvilExitsAtOnce_ErrorQuotesLogTail()
    {
        var error = await Assert.ThrowsAsync<DevnetStartException>(() =>
            AnvilDevnet.StartAsync(new AnvilOptions { ExtraArguments = ["--no-such-flag"] }));

        Assert.Contains("exited with code", error.Message);
        Assert.Contains("--no-such-flag", error.Message);
    }

    [Fact]
    public async Task Kill_ThenRpcCall_ThrowsTransportException()
    {
        await using var devnet = await AnvilDevnet.StartAsync(new AnvilOptions { Accounts = 1 });

        devnet.Kill();

        Assert.False(ProcessProbe.IsRunning(devnet.ProcessId));
        var error = await Assert.ThrowsAsync<RpcTransportException>(() => devnet.Eth.BlockNumberAsync());
        Assert.Contains(devnet.RpcUrl.ToString(), error.Message);
    }

    /// <summary>Local addresses (hex, as /proc/net/tcp prints them) that listen on a port.</summary>
    private static List<string> ListeningAddresses(int port)
    {
        var portHex = port.ToString("X4", CultureInfo.InvariantCulture);
        return File.ReadLines("/proc/net/tcp").Concat(File.ReadLines("/proc/net/tcp6")).Skip(1)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(f => f.Length > 3 && f[3] == "0A" && f[1].EndsWith(":" + portHex, StringComparison.Ordinal))
            .Select(f => f[1].Split(':')[0])
            .ToList();
    }
}
