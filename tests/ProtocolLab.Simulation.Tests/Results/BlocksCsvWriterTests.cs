using System.Text;
using ProtocolLab.Simulation.Results;

namespace ProtocolLab.Simulation.Tests.Results;

public class BlocksCsvWriterTests
{
    [Fact]
    public void Append_TwoBlocks_WritesHeaderAndRowsInJsonFieldOrder()
    {
        // Given an in-memory stream
        using var stream = new MemoryStream();
        using (var writer = new BlocksCsvWriter(stream))
        {
            // When two blocks are appended
            writer.Append(ResultsSamples.First);
            writer.Append(ResultsSamples.Second);
        }

        // Then the header names the JSON fields in order, NaN is an empty cell, lines end in LF, no BOM
        var bytes = stream.ToArray();
        Assert.NotEqual(0xEF, bytes[0]);
        Assert.Equal(
            "block,timestamp,fundamentalPrice,pairPrice,oraclePrice,liquidations,collateralSeized,debtRepaid,badDebt,insuranceDrawn,positionsUnderwater,failedLiquidations,gasUsed,badDebtCollateralShortfall,baseFeeGwei,gasLimit,delayedTransactions,liquidatablePositions,liquidatableDebt,pairLoanReserve\n"
            + "0,1700000000,2000,1999.5,2000,0,0,0,0,0,0,0,21000,0,0,0,0,0,0,0\n"
            + "1,1700000012,1400,1610.25,,3,0.1,1E+21,0,0,12,1,1800000,0,12.5,30000000,2,4,2500.5,1205000.5\n",
            Encoding.UTF8.GetString(bytes));
    }
}
