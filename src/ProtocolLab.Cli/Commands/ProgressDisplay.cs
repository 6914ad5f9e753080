using ProtocolLab.Simulation.Engine;
using ProtocolLab.Simulation.Runs;

namespace ProtocolLab.Cli.Commands;

/// <summary>
/// Progress on stderr: one rewritten line on a terminal, a line per tenth of the run otherwise
/// (so CI logs stay short). Reports arrive on the runner's thread, synchronously.
/// </summary>
internal sealed class ProgressDisplay(TextWriter writer) : IProgress<RunProgress>, IDisposable
{
    private readonly bool _interactive = !Console.IsErrorRedirected;
    private int _lastStep = -1;
    private string _lastDesign = "";

    public void Report(RunProgress p)
    {
        var text = $"{p.Design}: run {p.Run + 1}/{p.Runs}, block {p.Block}/{p.Blocks}";
        if (_interactive)
        {
            writer.Write($"\r{text,-60}");
            return;
        }
        var step = p.Blocks == 0 ? 10 : p.Block * 10 / p.Blocks;
        if (step == _lastStep && p.Design == _lastDesign)
            return;
        (_lastStep, _lastDesign) = (step, p.Design);
        writer.WriteLine(text);
    }

    public void Dispose()
    {
        if (_interactive && _lastStep != int.MinValue)
        {
            writer.Write($"\r{new string(' ', 60)}\r");
            _lastStep = int.MinValue;
        }
    }
}
