namespace ProtocolLab.Chain.Devnets;

/// <summary>Finds the repository root: the nearest folder above a start folder holding hardhat.config.js.</summary>
public static class RepoRoot
{
    public const string MarkerFile = "hardhat.config.js";

    public static string? TryFind(string? startDirectory = null)
    {
        var directory = new DirectoryInfo(startDirectory ?? AppContext.BaseDirectory);
        for (; directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, MarkerFile)))
                return directory.FullName;
        }
        return null;
    }

    public static string Find(string? startDirectory = null) =>
        TryFind(startDirectory) ?? throw new DevnetStartException(
            $"cannot find the ProtocolLab repo root (a folder with {MarkerFile}) above {startDirectory ?? AppContext.BaseDirectory}; " +
            "run from inside the repo or pass the node binary's path explicitly");
}
