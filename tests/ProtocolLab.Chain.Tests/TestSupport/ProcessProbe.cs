using System.Diagnostics;
using System.Globalization;

namespace ProtocolLab.Chain.Tests.TestSupport;

/// <summary>
/// Asks the OS whether processes are alive (Linux /proc), to prove a devnet left nothing behind.
/// Also compiled into ProtocolLab.Cli.Tests (linked in its csproj), which checks the CLI's anvils.
/// </summary>
public static class ProcessProbe
{
    public static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited && !IsZombie(pid);
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>Every process whose parent chain leads to <paramref name="pid"/>.</summary>
    public static IReadOnlyList<int> Descendants(int pid)
    {
        var parents = new Dictionary<int, int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), CultureInfo.InvariantCulture, out var child))
                continue;
            var parent = ParentOf(child);
            if (parent is not null)
                parents[child] = parent.Value;
        }
        var found = new List<int>();
        var frontier = new Queue<int>([pid]);
        while (frontier.Count > 0)
        {
            var current = frontier.Dequeue();
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

    /// <summary>The process's command name (/proc/pid/comm), or null when it is gone.</summary>
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

    private static int? ParentOf(int pid)
    {
        var stat = ReadStat(pid);
        if (stat is null)
            return null;
        // Fields after the parenthesised command name: state, ppid, ...
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.Parse(fields[1], CultureInfo.InvariantCulture);
    }

    private static bool IsZombie(int pid)
    {
        var stat = ReadStat(pid);
        return stat is null || stat[stat.LastIndexOf(')') + 2] == 'Z';
    }

    private static string? ReadStat(int pid)
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
