using ProtocolLab.Simulation.Metrics;

namespace ProtocolLab.Simulation.Results;

/// <summary>
/// Writes blocks.csv: a header row with the block record's field names, then one row per
/// block in the same order as blocks.jsonl; non-finite numbers are empty cells. UTF-8 without
/// byte-order mark, LF line ends, flushed after every row.
/// </summary>
public sealed class BlocksCsvWriter : IDisposable
{
    private readonly CsvFile _file;

    public BlocksCsvWriter(Stream stream, bool ownsStream = false) =>
        _file = new CsvFile(stream, string.Join(',', BlockRecordFormat.Fields), ownsStream);

    public static BlocksCsvWriter Create(string path) =>
        new(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read), ownsStream: true);

    public void Append(BlockMetrics block)
    {
        _file.Row(BlockRecordFormat.Values(block));
        _file.Flush();
    }

    public void Dispose() => _file.Dispose();
}
