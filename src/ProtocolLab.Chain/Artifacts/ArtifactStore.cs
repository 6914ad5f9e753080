using System.Collections.Concurrent;

namespace ProtocolLab.Chain.Artifacts;

/// <summary>
/// Finds artifacts by contract name in the repo's Hardhat output and in npm packages'
/// <c>build/</c> folders. Each file is parsed once.
/// </summary>
public sealed class ArtifactStore
{
    private readonly IReadOnlyList<string> _roots;
    private readonly ConcurrentDictionary<string, ContractArtifact> _cache = new(StringComparer.Ordinal);
    private Dictionary<string, List<string>>? _index;

    /// <param name="roots">Folders searched recursively for <c>Name.json</c>; an earlier one shadows a later one.</param>
    public ArtifactStore(IEnumerable<string> roots) => _roots = roots.ToList();

    /// <summary>
    /// The repo's compiled contracts, Uniswap V2's and Aave v3's published builds, and Morpho Blue's
    /// sources as the repo's build compiles them (solc 0.8.19, its own settings).
    /// </summary>
    public static ArtifactStore ForRepository(string repoRoot) => new(
    [
        Path.Combine(repoRoot, "artifacts", "contracts"),
        Path.Combine(repoRoot, "node_modules", "@uniswap", "v2-core", "build"),
        Path.Combine(repoRoot, "node_modules", "@uniswap", "v2-periphery", "build"),
        Path.Combine(repoRoot, "node_modules", "@aave", "core-v3", "artifacts"),
        Path.Combine(repoRoot, "artifacts", "@morpho-org"),
    ]);

    /// <param name="name">A contract name, or "path/File.sol:Name" where names collide.</param>
    public ContractArtifact Get(string name) => _cache.GetOrAdd(name, Resolve);

    private ContractArtifact Resolve(string name)
    {
        var index = _index ??= BuildIndex();
        var separator = name.LastIndexOf(':');
        var contract = separator >= 0 ? name[(separator + 1)..] : name;
        var sourceHint = separator >= 0 ? name[..separator] : null;

        if (!index.TryGetValue(contract, out var paths))
            throw new ArtifactException(name, $"no artifact found under {string.Join(", ", _roots)}; was `dotnet build` run (it compiles the contracts)?");
        if (sourceHint is not null)
            paths = paths.Where(p => p.Replace('\\', '/').Contains(sourceHint + "/", StringComparison.Ordinal)).ToList();
        return paths.Count switch
        {
            0 => throw new ArtifactException(name, "no artifact with that source path"),
            1 => ContractArtifact.Load(paths[0]),
            _ => throw new ArtifactException(name, $"ambiguous: {string.Join(", ", paths)}; qualify it as \"path/File.sol:{contract}\""),
        };
    }

    private Dictionary<string, List<string>> BuildIndex()
    {
        var index = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var root in _roots.Where(Directory.Exists))
        {
            // An earlier root shadows a later one: the repo's own contracts win over packages'.
            var known = index.Keys.ToHashSet(StringComparer.Ordinal);
            foreach (var file in Directory.EnumerateFiles(root, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                if (file.EndsWith(".dbg.json", StringComparison.Ordinal) || file.Contains("build-info", StringComparison.Ordinal))
                    continue;
                var name = Path.GetFileNameWithoutExtension(file);
                if (known.Contains(name))
                    continue;
                if (!index.TryGetValue(name, out var list))
                    index[name] = list = [];
                list.Add(file);
            }
        }
        return index;
    }
}
