using System.Numerics;
using ProtocolLab.Chain.Devnets;
using ProtocolLab.Chain.Hex;
using ProtocolLab.Chain.Rpc;
using ProtocolLab.Chain.Tests.TestSupport;

namespace ProtocolLab.Chain.Tests.Rpc;

public class AnvilRpcTests(AnvilFixture fixture) : IClassFixture<AnvilFixture>
{
    // Init code that deploys a runtime which always reverts with the 4 bytes 0xdeadbeef.
    private static readonly byte[] RevertingContract = HexConvert.FromHex("600d600c600039600d6000f3" + "63deadbeef6000526004601cfd");

    private static readonly BigInteger OneEther = BigInteger.Pow(10, 18);

    private AnvilDevnet Devnet => fixture.Devnet;

    [Fact]
    public async Task SnapshotRevert_AfterTransferAndBlocks_RestoresBalancesAndBlockNumber()
    {
        // Given
        var (alice, bob) = (Devnet.Accounts[0], Devnet.Accounts[1]);
        var snapshot = await Devnet.Dev.SnapshotAsync();
        var block = await Devnet.Eth.BlockNumberAsync();
        var (aliceBalance, bobBalance) = (await Devnet.Eth.GetBalanceAsync(alice), await Devnet.Eth.GetBalanceAsync(bob));

        // When
        await Devnet.Eth.SendTransactionAsync(new TransactionRequest(alice) { To = bob, Value = OneEther });
        await Devnet.Dev.MineAsync(5);
        Assert.Equal(block + 6, await Devnet.Eth.BlockNumberAsync());
        var reverted = await Devnet.Dev.RevertAsync(snapshot);

        // Then
        Assert.True(reverted);
        Assert.Equal(block, await Devnet.Eth.BlockNumberAsync());
        Assert.Equal(aliceBalance, await Devnet.Eth.GetBalanceAsync(alice));
        Assert.Equal(bobBalance, await Devnet.Eth.GetBalanceAsync(bob));
    }

    [Fact]
    public async Task CallAsync_UnknownMethod_ThrowsRpcErrorExceptionWithCode()
    {
        var error = await Assert.ThrowsAsync<RpcErrorException>(() => Devnet.Rpc.CallAsync("eth_noSuchMethod"));

        Assert.Equal(-32601, error.Code);
        Assert.Equal("eth_noSuchMethod", error.Method);
    }

    [Fact]
    public async Task CallAsync_DeadPort_ThrowsTransportException()
    {
        var url = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        using var rpc = new JsonRpcClient(url);

        var error = await Assert.ThrowsAsync<RpcTransportException>(() => new EthClient(rpc).ChainIdAsync());

        Assert.Contains(url.ToString(), error.Message);
    }

    [Fact]
    public async Task EthCall_RevertingContract_ExposesRevertData()
    {
        // Given
        var deployer = Devnet.Accounts[2];
        var hash = await Devnet.Eth.SendTransactionAsync(new TransactionRequest(deployer) { Data = RevertingContract });
        var receipt = await Devnet.Eth.GetTransactionReceiptAsync(hash);
        var contract = receipt!.ContractAddress!.Value;

        // When
        var error = await Assert.ThrowsAsync<RpcErrorException>(() => Devnet.Eth.CallAsync(new TransactionRequest(deployer) { To = contract }));
        var batch = await new ReadBatch(Devnet.Rpc).CallAsync([new TransactionRequest(deployer) { To = contract }, new TransactionRequest(deployer) { To = deployer }]);

        // Then
        Assert.Equal(new byte[] { 0xde, 0xad, 0xbe, 0xef }, error.RevertData);
        Assert.Equal(new byte[] { 0xde, 0xad, 0xbe, 0xef }, batch[0].Error!.RevertData);
        Assert.Empty(batch[1].GetOutputOrThrow());
    }

    [Fact]
    public async Task TypedWrappers_TransferReceiptBlockAndLogs_MatchTheChain()
    {
        // Given: a sender anvil does not know, funded and impersonated
        var stranger = new Address([.. new byte[19], 0x77]);
        var recipient = Devnet.Accounts[3];
        await Devnet.Dev.SetBalanceAsync(stranger, OneEther);
        await Devnet.Dev.ImpersonateAccountAsync(stranger);
        var timestamp = (ulong)DateTimeOffset.UnixEpoch.AddYears(60).ToUnixTimeSeconds();
        await Devnet.Dev.SetNextBlockTimestampAsync(timestamp);
        var transfer = new TransactionRequest(stranger) { To = recipient, Value = 1000 };

        // When
        var gas = await Devnet.Eth.EstimateGasAsync(transfer);
        var hash = await Devnet.Eth.SendTransactionAsync(transfer with { Gas = gas });
        await Devnet.Dev.StopImpersonatingAccountAsync(stranger);
        // anvil's automine answers eth_sendTransaction before it has mined the block: wait for the receipt.
        var receipt = await Devnet.Eth.GetTransactionReceiptAsync(hash);
        for (var attempt = 0; receipt is null && attempt < 100; attempt++)
        {
            await Task.Delay(50);
            receipt = await Devnet.Eth.GetTransactionReceiptAsync(hash);
        }
        var block = await Devnet.Eth.GetBlockAsync(BlockTag.At(receipt!.BlockNumber));
        var logs = await Devnet.Eth.GetLogsAsync(new LogFilter { FromBlock = receipt.BlockNumber, ToBlock = receipt.BlockNumber });

        // Then
        Assert.Equal(21_000ul, gas);
        Assert.True(receipt.Succeeded);
        Assert.Equal(stranger, receipt.From);
        Assert.Equal(recipient, receipt.To);
        Assert.Equal(31337ul, await Devnet.Eth.ChainIdAsync());
        Assert.Equal(1ul, await Devnet.Eth.GetTransactionCountAsync(stranger, BlockTag.Pending));
        Assert.Equal(timestamp, block!.Timestamp);
        Assert.Contains(hash, block.TransactionHashes);
        Assert.NotNull(block.BaseFeePerGas);
        Assert.Empty(logs);
        Assert.Empty(await Devnet.Eth.GetCodeAsync(recipient));
    }
}
