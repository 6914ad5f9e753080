using ProtocolLab.Chain.Devnets;
using ProtocolLab.Chain.Rpc;
using ProtocolLab.Chain.Tests.TestSupport;

namespace ProtocolLab.Chain.Tests.Devnets;

public class HardhatNodeDevnetTests
{
    [Fact]
    public async Task StartAsync_AnswersChainId31337_AndDisposeKillsTheWholeTree()
    {
        // Given
        var devnet = await HardhatNodeDevnet.StartAsync();
        var pids = new List<int>();
        try
        {
            pids.Add(devnet.ProcessId);
            pids.AddRange(ProcessProbe.Descendants(devnet.ProcessId));

            // When
            var chainId = await devnet.Eth.ChainIdAsync();
            await devnet.Dev.MineAsync(2);

            // Then
            Assert.Equal(31337ul, chainId);
            Assert.Equal(31337ul, devnet.ChainId);
            Assert.Equal("127.0.0.1", devnet.RpcUrl.Host);
            Assert.Equal(DevFlavor.Hardhat, devnet.Dev.Flavor);
            Assert.NotEmpty(devnet.Accounts);
        }
        finally
        {
            await devnet.DisposeAsync();
        }

        Assert.All(pids, pid => Assert.False(ProcessProbe.IsRunning(pid), $"process {pid} still runs"));
        await Assert.ThrowsAsync<RpcTransportException>(() => new EthClient(new JsonRpcClient(devnet.RpcUrl)).ChainIdAsync());
    }
}
