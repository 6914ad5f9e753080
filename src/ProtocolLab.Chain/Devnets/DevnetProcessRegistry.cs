using System.Collections.Concurrent;
using System.Diagnostics;

namespace ProtocolLab.Chain.Devnets;

/// <summary>
/// Every node process the harness started, so none outlives it: they are killed on normal exit and
/// on an unhandled exception. Ctrl-C and SIGTERM are the front end's to turn into a cancelled run
/// (which disposes its node); a SIGKILL, which nothing can catch, is covered by <see cref="ParentDeathSignal"/>.
/// </summary>
internal static class DevnetProcessRegistry
{
    private static readonly ConcurrentDictionary<int, Process> Live = new();

    static DevnetProcessRegistry()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();
        AppDomain.CurrentDomain.UnhandledException += (_, _) => KillAll();
    }

    public static int Count => Live.Count;

    public static void Register(Process process) => Live[process.Id] = process;

    public static void Unregister(Process process) => Live.TryRemove(process.Id, out _);

    public static void KillAll()
    {
        foreach (var process in Live.Values)
            KillTree(process);
        Live.Clear();
    }

    public static void KillTree(Process process)
    {
        try
        {
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // Exiting while we asked; nothing left to kill.
        }
    }
}
