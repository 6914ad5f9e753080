using System.Numerics;
using ProtocolLab.Chain.Hex;
using ProtocolLab.Chain.Rpc;
using ProtocolLab.Chain.Tests.TestSupport;

namespace ProtocolLab.Chain.Tests.Rpc;

public class AnvilBatchTransferTests(AnvilFixture fixture) : IClassFixture<AnvilFixture>
{
    private const int Senders = 10;
    private const int PerSender = 100;
    private const int BatchSize = 100;

    [Fact]
    public async Task SendAsync_1000TransfersFrom10Senders_AllLandWithCorrectNoncesAndBalances()
    {
        // Given: automine off, so each batch lands in one evm_mine block
        var devnet = fixture.Devnet;
        var eth = devnet.Eth;
        var senders = devnet.Accounts.Take(Senders).ToArray();
        var recipients = Enumerable.Range(1, Senders).Select(i => new Address([.. new byte[18], 0xee, (byte)i])).ToArray();
        var noncesBefore = await Task.WhenAll(senders.Select(s => eth.GetTransactionCountAsync(s)));
        var balancesBefore = await Task.WhenAll(senders.Select(s => eth.GetBalanceAsync(s)));
        var blockBefore = await eth.BlockNumberAsync();
        var batchSender = new BatchSender(devnet.Rpc, new NonceManager(devnet.Rpc), new BatchSenderOptions { BatchSize = BatchSize, DefaultGas = 21_000 });
        var transactions = Enumerable.Range(0, Senders * PerSender)
            .Select(i => new TransactionRequest(senders[i % Senders]) { To = recipients[i % Senders], Value = 1_000_000 + i })
            .ToArray();

        await devnet.Dev.SetAutomineAsync(false);
        var hashes = new List<string>();
        try
        {
            // When: 10 batches of 100, one block each
            foreach (var chunk in transactions.Chunk(BatchSize))
            {
                var results = await batchSender.SendAsync(chunk);
                Assert.All(results, r => Assert.True(r.Succeeded, r.Error?.Message));
                hashes.AddRange(results.Select(r => r.TransactionHash!));
                await devnet.Dev.MineAsync();
            }
        }
        finally
        {
            await devnet.Dev.SetAutomineAsync(true);
        }

        // Then
        var receipts = await batchSender.GetReceiptsAsync(hashes);
        Assert.All(receipts, r => Assert.Equal(1ul, Assert.IsType<TransactionReceipt>(r).Status));
        Assert.Equal(blockBefore + 10, await eth.BlockNumberAsync());
        for (var s = 0; s < Senders; s++)
        {
            Assert.Equal(noncesBefore[s] + PerSender, await eth.GetTransactionCountAsync(senders[s]));
            var sent = Enumerable.Range(0, transactions.Length).Where(i => i % Senders == s).ToArray();
            var value = sent.Aggregate(BigInteger.Zero, (sum, i) => sum + transactions[i].Value!.Value);
            var fees = sent.Aggregate(BigInteger.Zero, (sum, i) => sum + receipts[i]!.GasUsed * receipts[i]!.EffectiveGasPrice);
            Assert.Equal(balancesBefore[s] - value - fees, await eth.GetBalanceAsync(senders[s]));
            Assert.Equal(value, await eth.GetBalanceAsync(recipients[s]));
        }
    }
}
