using System.Text;
using ProtocolLab.Simulation.Metrics;

namespace ProtocolLab.Simulation.Results;

/// <summary>
/// Writes blocks.csv: a header row with the block record's field names, then one row per
/// block in the same order as blocks.jsonl; non-finite numbers are empty cells. UTF-8 without
/// byte-order mark, LF line ends, flushed after every row.
/// </summary>
public sealed class BlocksCsvWriter : IDisposable
{
    private readonly StreamWriter _writer;

    public BlocksCsvWriter(Stream stream, bool ownsStream = false)
    {
        _writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: !ownsStream) { NewLine = "\n" };
        _writer.WriteLine(string.Join(',', BlockRecordFormat.Fields));
        _writer.Flush();
    }

    public static BlocksCsvWriter Create(string path) =>
        new(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read), ownsStream: true);

    public void Append(BlockMetrics block)
    {
        _writer.WriteLine(string.Join(',', BlockRecordFormat.Values(block).Select(v => v ?? "")));
        _writer.Flush();
    }

    public void Dispose() => _writer.Dispose();
}
