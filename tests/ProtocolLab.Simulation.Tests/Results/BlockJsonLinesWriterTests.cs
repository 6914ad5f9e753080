using System.Text;
using ProtocolLab.Simulation.Results;

namespace ProtocolLab.Simulation.Tests.Results;

public class BlockJsonLinesWriterTests
{
    [Fact]
    public void Append_TwoBlocks_WritesOneFixedOrderLineEach()
    {
        // Given an in-memory stream
        using var stream = new MemoryStream();
        using (var writer = new BlockJsonLinesWriter(stream))
        {
            // When two blocks are appended
            writer.Append(ResultsSamples.First);
            writer.Append(ResultsSamples.Second);
        }

        // Then each is one line with the documented field order, round-trip numbers and null for NaN
        Assert.Equal(
            "{\"block\":0,\"timestamp\":1700000000,\"fundamentalPrice\":2000,\"pairPrice\":1999.5,\"oraclePrice\":2000,\"liquidations\":0,\"collateralSeized\":0,\"debtRepaid\":0,\"badDebt\":0,\"insuranceDrawn\":0,\"positionsUnderwater\":0,\"failedLiquidations\":0,\"gasUsed\":21000,\"badDebtCollateralShortfall\":0,\"baseFeeGwei\":0,\"gasLimit\":0,\"delayedTransactions\":0,\"liquidatablePositions\":0,\"liquidatableDebt\":0,\"pairLoanReserve\":0}\n"
            + "{\"block\":1,\"timestamp\":1700000012,\"fundamentalPrice\":1400,\"pairPrice\":1610.25,\"oraclePrice\":null,\"liquidations\":3,\"collateralSeized\":0.1,\"debtRepaid\":1E+21,\"badDebt\":0,\"insuranceDrawn\":0,\"positionsUnderwater\":12,\"failedLiquidations\":1,\"gasUsed\":1800000,\"badDebtCollateralShortfall\":0,\"baseFeeGwei\":12.5,\"gasLimit\":30000000,\"delayedTransactions\":2,\"liquidatablePositions\":4,\"liquidatableDebt\":2500.5,\"pairLoanReserve\":1205000.5}\n",
            Encoding.UTF8.GetString(stream.ToArray()));
    }

    [Fact]
    public void Append_BeforeDispose_IsAlreadyOnDisk()
    {
        // Given a file writer that stays open (a run in progress)
        var path = Path.Combine(Directory.CreateTempSubdirectory("protocollab-").FullName, "blocks.jsonl");
        using var writer = BlockJsonLinesWriter.Create(path);

        // When one block is appended
        writer.Append(ResultsSamples.First);

        // Then another reader sees the complete line already: an interrupted run keeps it
        using var reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        var text = reader.ReadToEnd();
        Assert.StartsWith("{\"block\":0,", text);
        Assert.EndsWith("}\n", text);
    }
}
