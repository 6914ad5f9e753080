using System.Text.Json;
using ProtocolLab.Simulation.Metrics;

namespace ProtocolLab.Simulation.Results;

/// <summary>
/// Writes blocks.jsonl: one JSON object per block, one line each, flushed after every block
/// so that an interrupted run keeps every block it finished.
/// </summary>
public sealed class BlockJsonLinesWriter : IDisposable
{
    private readonly Stream _stream;
    private readonly bool _ownsStream;

    public BlockJsonLinesWriter(Stream stream, bool ownsStream = false)
    {
        _stream = stream;
        _ownsStream = ownsStream;
    }

    /// <summary>Creates (or truncates) the file at <paramref name="path"/>.</summary>
    public static BlockJsonLinesWriter Create(string path) =>
        new(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read), ownsStream: true);

    public void Append(BlockMetrics block)
    {
        using (var writer = new Utf8JsonWriter(_stream, ResultFormat.Compact))
        {
            BlockRecordFormat.WriteObject(writer, block);
        }

        _stream.WriteByte((byte)'\n');
        _stream.Flush();
    }

    public void Dispose()
    {
        if (_ownsStream)
        {
            _stream.Dispose();
        }
    }
}
