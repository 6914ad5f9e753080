using System.Text;

namespace ProtocolLab.Simulation.Results;

/// <summary>
/// A CSV file the run appends to: a header row, then rows of cells (null is an empty cell). UTF-8
/// without byte-order mark, LF line ends; <see cref="Flush"/> after each block keeps every finished
/// block on disk if the run is interrupted.
/// </summary>
internal sealed class CsvFile : IDisposable
{
    private readonly StreamWriter _writer;

    public CsvFile(Stream stream, string header, bool ownsStream = false)
    {
        _writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: !ownsStream) { NewLine = "\n" };
        _writer.WriteLine(header);
        _writer.Flush();
    }

    /// <summary>A new file at <paramref name="path"/> (readable by others while the run writes it).</summary>
    public static CsvFile Create(string path, string header) =>
        new(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read), header, ownsStream: true);

    public void Row(IEnumerable<string?> cells) => _writer.WriteLine(string.Join(',', cells.Select(c => c ?? "")));

    public void Flush() => _writer.Flush();

    public void Dispose() => _writer.Dispose();
}
