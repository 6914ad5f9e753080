using ProtocolLab.Reports.Data;
using ProtocolLab.Simulation.Metrics;
using ProtocolLab.Simulation.Results;

namespace ProtocolLab.Reports.Tests.Data;

public sealed class RunFilesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("protocollab-runfiles-").FullName;

    [Fact]
    public void ReadBlocks_WhatTheWriterWrote_ReadsBackEqual()
    {
        // Given: a block with a missing oracle answer (written as null)
        BlockMetrics[] written =
        [
            new(0, 1_700_000_000, 2000, 2000, 2000, 0, 0, 0, 0, 0, 0, 0, 0),
            new(1, 1_700_000_012, 1400, 1215.5, double.NaN, 3, 12.5, 25_000.25, 10, 5, 2, 1, 630_000),
        ];
        using (var writer = BlockJsonLinesWriter.Create(Path.Combine(_folder, "blocks.jsonl")))
        {
            foreach (var block in written)
            {
                writer.Append(block);
            }
        }

        // When
        var read = RunFiles.ReadBlocks(_folder);

        // Then
        Assert.Equal(written, read);
    }

    [Fact]
    public void ReadPositions_ClosedPosition_HasNoLiquidationPrice()
    {
        // Given
        PositionsCsvWriter.Write(Path.Combine(_folder, "positions-end.csv"),
        [
            new PositionRecord("0xa", 10, 16_000, 1.25, 0.8),
            new PositionRecord("0xb", 0, 0, double.PositiveInfinity, 0.8),
        ]);

        // When
        var positions = RunFiles.ReadPositions(_folder, "end");

        // Then
        Assert.Equal(2, positions.Count);
        Assert.Equal(2000, positions[0].LiquidationPrice!.Value, 9);
        Assert.Null(positions[1].LiquidationPrice);
    }

    [Fact]
    public void Read_MissingFiles_GiveEmptyLists()
    {
        // Given / When / Then
        Assert.Empty(RunFiles.ReadBlocks(Path.Combine(_folder, "nope")));
        Assert.Empty(RunFiles.ReadPositions(_folder, "start"));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
