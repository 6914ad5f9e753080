using System.Collections.Concurrent;

namespace ProtocolLab.Chain.Devnets;

/// <summary>
/// Makes the kernel kill a node when the harness dies, even by SIGKILL (which no handler sees): the
/// node is started under util-linux `setpriv --pdeathsig SIGKILL`, which sets PR_SET_PDEATHSIG and
/// execs the node in place (same pid). The signal fires when the *thread* that forked the child exits,
/// and thread-pool threads retire when idle, so every start forks from one thread that lives as long
/// as the process. Without setpriv the node is started directly, and only a graceful exit kills it.
/// </summary>
internal static class ParentDeathSignal
{
    private static readonly BlockingCollection<Action> Starts = [];
    private static readonly Lazy<Thread> Starter = new(() =>
    {
        var thread = new Thread(() =>
        {
            foreach (var start in Starts.GetConsumingEnumerable())
                start();
        })
        { IsBackground = true, Name = "devnet starter" };
        thread.Start();
        return thread;
    });

    /// <summary>The setpriv binary on PATH, or null when util-linux is absent.</summary>
    public static string? Setpriv { get; } = FindOnPath("setpriv");

    /// <summary>The command line that starts <paramref name="fileName"/> under setpriv, or unchanged without it.</summary>
    public static (string FileName, IReadOnlyList<string> Arguments) Wrap(string fileName, IReadOnlyList<string> arguments) =>
        Setpriv is { } setpriv ? (setpriv, ["--pdeathsig", "SIGKILL", "--", fileName, .. arguments]) : (fileName, arguments);

    /// <summary>Runs <paramref name="start"/> (a Process.Start) on the long-lived starter thread and returns its result.</summary>
    public static T OnStarterThread<T>(Func<T> start)
    {
        _ = Starter.Value;
        var result = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        Starts.Add(() =>
        {
            try
            {
                result.SetResult(start());
            }
            catch (Exception e)
            {
                result.SetException(e);
            }
        });
        return result.Task.GetAwaiter().GetResult();
    }

    private static string? FindOnPath(string name)
    {
        if (!OperatingSystem.IsLinux())
            return null;
        var path = Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin";
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);
    }
}
