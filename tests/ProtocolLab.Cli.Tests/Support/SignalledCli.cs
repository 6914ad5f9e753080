using System.Diagnostics;
using System.Globalization;
using ProtocolLab.Chain.Tests.TestSupport;

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

    /// <summary>
    /// Starts the CLI with SIGINT at its default disposition, as a terminal gives it: a process started
    /// from a background job (CI's shell, nohup ... &amp;) inherits SIGINT ignored, and then rightly never
    /// sees a Ctrl-C. env(1) resets it and execs the CLI, so the pid is the CLI's.
    /// </summary>
    public static SignalledCli Start(params string[] args)
    {
        var cli = CliProcess.StartInfo(args);
        var start = new ProcessStartInfo("env")
        {
            WorkingDirectory = cli.WorkingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("--default-signal=INT");
        start.ArgumentList.Add(cli.FileName);
        foreach (var arg in cli.ArgumentList)
            start.ArgumentList.Add(arg);
        return new(Process.Start(start) ?? throw new InvalidOperationException("could not start protocollab"));
    }

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
    public IReadOnlyList<int> AnvilDescendants() => ProcessProbe.Descendants(Id).Where(p => ProcessProbe.Command(p) == "anvil").ToList();

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
