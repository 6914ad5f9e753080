using System.Diagnostics;
using System.Globalization;

namespace ProtocolLab.Cli.Tests.Support;

/// <summary>
/// The built CLI started as a child process on a long scenario, so a test can signal it mid-run and
/// then look in /proc for the anvil it started.
/// </summary>
internal sealed class SignalledCli : IDisposable
{
    private readonly Process _process;
    private readonly Task<string> _stderr;

    private SignalledCli(Process process)
    {
        _process = process;
        _stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
    }

    public int Id => _process.Id;

    public static SignalledCli Start(params string[] args) =>
        new(Process.Start(CliProcess.StartInfo(args)) ?? throw new InvalidOperationException("could not start protocollab"));

    /// <summary>Waits until <paramref name="file"/> has at least <paramref name="lines"/> lines: the run is under way.</summary>
    public async Task WaitForLinesAsync(string file, int lines, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (_process.HasExited)
                Assert.Fail($"protocollab exited early ({_process.ExitCode}): {await _stderr}");
            if (File.Exists(file) && CountLines(file) >= lines)
                return;
            await Task.Delay(100);
        }
        Assert.Fail($"{file} did not reach {lines} lines within {timeout}");
    }

    /// <summary>pids of the anvil processes below the CLI in the process tree.</summary>
    public IReadOnlyList<int> AnvilDescendants() => ProcTable.Descendants(Id).Where(p => ProcTable.Command(p) == "anvil").ToList();

    /// <summary>Sends a signal with kill(1), as CI runners and `timeout` do.</summary>
    public void Signal(int signal)
    {
        using var kill = Process.Start("kill", [$"-{signal}", Id.ToString(CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        Assert.Equal(0, kill.ExitCode);
    }

    public async Task<(int ExitCode, string Stderr)> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        return (_process.ExitCode, await _stderr);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }

    private static int CountLines(string file)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Count(c => c == '\n');
    }
}

/// <summary>Linux /proc: parents, commands and liveness of processes.</summary>
internal static class ProcTable
{
    public static bool IsAlive(int pid)
    {
        var stat = Stat(pid);
        return stat is not null && stat[stat.LastIndexOf(')') + 2] != 'Z';
    }

    public static string? Command(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/comm").Trim();
        }
        catch (IOException)
        {
            return null;
        }
    }

    public static IReadOnlyList<int> Descendants(int root)
    {
        var parents = new Dictionary<int, int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), CultureInfo.InvariantCulture, out var pid) && Stat(pid) is { } stat)
                parents[pid] = int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);
        }
        var found = new List<int>();
        var frontier = new Queue<int>([root]);
        while (frontier.TryDequeue(out var current))
        {
            foreach (var (child, parent) in parents)
            {
                if (parent == current)
                {
                    found.Add(child);
                    frontier.Enqueue(child);
                }
            }
        }
        return found;
    }

    private static string? Stat(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
