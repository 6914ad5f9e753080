using ProtocolLab.Chain.Devnets;
using ProtocolLab.Chain.Rpc;
using ProtocolLab.Chain.Tests.TestSupport;

namespace ProtocolLab.Chain.Tests.Devnets;

public class ExternalDevnetTests(AnvilFixture fixture) : IClassFixture<AnvilFixture>
{
    private static JsonRpcClient FakeNode(string chainIdHex, string clientVersion = "anvil/v1.7.1") =>
        new(new Uri("http://127.0.0.1:9/"), FakeHttpHandler.Json(body =>
        {
            var result = body.Contains("eth_chainId", StringComparison.Ordinal) ? $"\"{chainIdHex}\""
                : body.Contains("web3_clientVersion", StringComparison.Ordinal) ? $"\"{clientVersion}\""
                : """["0x00000000000000000000000000000000000000a1"]""";
            return $$"""{"jsonrpc":"2.0","id":1,"result":{{result}}}""";
        }));

    [Fact]
    public async Task ConnectAsync_Mainnet_RefusedNamingChainAndFlag()
    {
        var error = await Assert.ThrowsAsync<ExternalChainRefusedException>(() => ExternalDevnet.ConnectAsync(FakeNode("0x1")));

        Assert.Equal(1ul, error.ChainId);
        Assert.Contains("chain id 1 (Ethereum mainnet)", error.Message);
        Assert.Contains("--allow-public-chain", error.Message);
    }

    [Theory]
    [InlineData("0xaa36a7")]
    [InlineData("0xa4b1")]
    [InlineData("0x2105")]
    public async Task ConnectAsync_PublicTestnetsAndL2s_Refused(string chainIdHex)
    {
        await Assert.ThrowsAsync<ExternalChainRefusedException>(() => ExternalDevnet.ConnectAsync(FakeNode(chainIdHex)));
    }

    [Fact]
    public async Task ConnectAsync_MainnetWithAllowFlag_Connects()
    {
        await using var devnet = await ExternalDevnet.ConnectAsync(FakeNode("0x1"), allowPublicChain: true);

        Assert.Equal(1ul, devnet.ChainId);
    }

    [Fact]
    public async Task ConnectAsync_HardhatChainId_AcceptedWithHardhatFlavor()
    {
        await using var devnet = await ExternalDevnet.ConnectAsync(FakeNode("0x7a69", "HardhatNetwork/3.18.0"));

        Assert.Equal(31337ul, devnet.ChainId);
        Assert.Equal(DevFlavor.Hardhat, devnet.Dev.Flavor);
        Assert.Single(devnet.Accounts);
        Assert.Null(devnet.LogPath);
    }

    [Fact]
    public async Task DisposeAsync_RealAnvil_LeavesTheNodeRunning()
    {
        // Given: the fixture's anvil reached by URL, through the factory
        var devnet = await DevnetFactory.StartAsync(new DevnetOptions { Backend = fixture.Devnet.RpcUrl.ToString() });
        Assert.IsType<ExternalDevnet>(devnet);
        Assert.Equal(fixture.Devnet.Accounts, devnet.Accounts);

        // When
        await devnet.DisposeAsync();

        // Then
        Assert.True(ProcessProbe.IsRunning(fixture.Devnet.ProcessId));
        Assert.Equal(31337ul, await fixture.Devnet.Eth.ChainIdAsync());
    }

    [Fact]
    public async Task DevnetFactory_UnknownBackend_ThrowsNamingChoices()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => DevnetFactory.StartAsync(new DevnetOptions { Backend = "ganache" }));

        Assert.Contains("anvil, hardhat or an http(s) URL", error.Message);
    }
}
