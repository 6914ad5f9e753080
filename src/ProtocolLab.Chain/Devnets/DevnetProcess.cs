using System.Diagnostics;

namespace ProtocolLab.Chain.Devnets;

/// <summary>A node process whose stdout and stderr go to a log file kept for diagnosis.</summary>
internal sealed class DevnetProcess
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly Lock _logGate = new();
    private bool _logClosed;

    private DevnetProcess(Process process, StreamWriter log, string logPath, IReadOnlyList<string> arguments)
    {
        _process = process;
        _log = log;
        LogPath = logPath;
        Arguments = arguments;
    }

    public int Id => _process.Id;

    public string LogPath { get; }

    public IReadOnlyList<string> Arguments { get; }

    public bool HasExited => _process.HasExited;

    public static DevnetProcess Start(
        string fileName, IReadOnlyList<string> arguments, string logPath, string? workingDirectory = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(logPath))!);
        var (launchedFile, launchedArguments) = ParentDeathSignal.Wrap(fileName, arguments);
        var startInfo = new ProcessStartInfo(launchedFile)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            CreateNoWindow = true,
            WorkingDirectory = workingDirectory ?? "",
        };
        foreach (var argument in launchedArguments)
            startInfo.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            startInfo.Environment[name] = value;

        var log = new StreamWriter(new FileStream(logPath, FileMode.Create, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };
        log.WriteLine($"$ {fileName} {string.Join(' ', arguments)}");
        var process = new Process { StartInfo = startInfo };
        var devnetProcess = new DevnetProcess(process, log, logPath, arguments);
        process.OutputDataReceived += (_, e) => devnetProcess.Append(e.Data);
        process.ErrorDataReceived += (_, e) => devnetProcess.Append(e.Data);
        try
        {
            ParentDeathSignal.OnStarterThread(process.Start);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            log.Dispose();
            throw new DevnetStartException($"cannot start {fileName}: {e.Message}", e);
        }
        DevnetProcessRegistry.Register(process);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return devnetProcess;
    }

    public string ExitDescription()
    {
        if (!_process.HasExited)
            return "still running";
        // The no-argument wait also drains the output pipes, so the log holds the last words.
        Task.Run(_process.WaitForExit).Wait(TimeSpan.FromSeconds(2));
        return $"exited with code {_process.ExitCode}";
    }

    /// <summary>The last lines of the log, for error messages.</summary>
    public string LogTail(int lines = 30)
    {
        try
        {
            using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            var all = reader.ReadToEnd().Split('\n');
            return string.Join('\n', all.TakeLast(lines)).TrimEnd();
        }
        catch (IOException e)
        {
            return $"(log {LogPath} unreadable: {e.Message})";
        }
    }

    /// <summary>Kills the process and its children and waits for them; safe to call twice.</summary>
    public void Kill()
    {
        DevnetProcessRegistry.KillTree(_process);
        _process.WaitForExit(TimeSpan.FromSeconds(10));
        DevnetProcessRegistry.Unregister(_process);
        lock (_logGate)
        {
            if (_logClosed)
                return;
            _logClosed = true;
            _log.Dispose();
        }
    }

    private void Append(string? line)
    {
        if (line is null)
            return;
        lock (_logGate)
        {
            if (!_logClosed)
                _log.WriteLine(line);
        }
    }
}
