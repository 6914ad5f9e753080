using System.Text.Json;
using ProtocolLab.Chain.Abi;
using ProtocolLab.Chain.Hex;

namespace ProtocolLab.Chain.Artifacts;

/// <summary>Where a library's address goes in unlinked bytecode: byte offsets into the creation code.</summary>
public sealed record LinkReference(string SourceName, string LibraryName, IReadOnlyList<int> ByteOffsets);

/// <summary>
/// A compiled contract: ABI plus creation bytecode. Reads Hardhat 3 artifacts
/// (<c>artifacts/contracts/&lt;File&gt;.sol/&lt;Name&gt;.json</c>) and the older Truffle/Waffle
/// <c>build/*.json</c> format that the Uniswap V2 npm packages ship.
/// </summary>
public sealed class ContractArtifact
{
    private readonly string _bytecodeHex;

    private ContractArtifact(string name, string sourceName, ContractAbi abi, string bytecodeHex, IReadOnlyList<LinkReference> links)
    {
        ContractName = name;
        SourceName = sourceName;
        Abi = abi;
        _bytecodeHex = bytecodeHex;
        LinkReferences = links;
    }

    public string ContractName { get; }

    public string SourceName { get; }

    public ContractAbi Abi { get; }

    public IReadOnlyList<LinkReference> LinkReferences { get; }

    public bool NeedsLinking => LinkReferences.Count > 0;

    /// <summary>An interface or abstract contract has no creation code and cannot be deployed.</summary>
    public bool IsDeployable => _bytecodeHex.Length > 0;

    public static ContractArtifact Load(string path)
    {
        if (!File.Exists(path))
            throw new ArtifactException(path, "file not found");
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
            return FromJson(doc.RootElement, Path.GetFileNameWithoutExtension(path), path);
        }
        catch (JsonException e)
        {
            throw new ArtifactException(path, $"not valid JSON (line {e.LineNumber + 1}): {e.Message}");
        }
    }

    /// <param name="fallbackName">Used when the JSON has no contractName (the Uniswap build format).</param>
    /// <param name="origin">Named in errors.</param>
    public static ContractArtifact FromJson(JsonElement root, string fallbackName, string origin)
    {
        if (!root.TryGetProperty("abi", out var abiJson) || abiJson.ValueKind != JsonValueKind.Array)
            throw new ArtifactException(origin, "expected an \"abi\" array");
        if (!root.TryGetProperty("bytecode", out var bytecodeJson))
            throw new ArtifactException(origin, "expected a \"bytecode\" field");

        var bytecode = bytecodeJson.ValueKind switch
        {
            JsonValueKind.String => bytecodeJson.GetString()!,
            JsonValueKind.Object when bytecodeJson.TryGetProperty("object", out var o) => o.GetString() ?? "",
            _ => throw new ArtifactException(origin, "expected \"bytecode\" to be a hex string"),
        };
        if (bytecode.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            bytecode = bytecode[2..];

        var name = root.TryGetProperty("contractName", out var n) ? n.GetString() ?? fallbackName : fallbackName;
        var source = root.TryGetProperty("sourceName", out var s) ? s.GetString() ?? "" : "";
        var links = root.TryGetProperty("linkReferences", out var l) ? ReadLinks(l) : [];
        return new ContractArtifact(name, source, ContractAbi.Parse(abiJson), bytecode, links);
    }

    /// <summary>The creation code with every library placeholder replaced by its deployed address.</summary>
    /// <param name="libraries">Keyed by library name, or by "source:name" where two share a name.</param>
    public byte[] LinkedBytecode(IReadOnlyDictionary<string, Address>? libraries = null)
    {
        if (!IsDeployable)
            throw new ArtifactException(ContractName, "has no creation bytecode (an interface or abstract contract)");
        var chars = _bytecodeHex.ToCharArray();
        foreach (var link in LinkReferences)
        {
            var address = ResolveLibrary(link, libraries);
            var hex = Convert.ToHexStringLower(address.Bytes);
            foreach (var offset in link.ByteOffsets)
                hex.CopyTo(0, chars, offset * 2, 40);
        }
        var linked = new string(chars);
        var placeholder = linked.IndexOf("__", StringComparison.Ordinal);
        if (placeholder >= 0)
            throw new ArtifactException(ContractName, $"unlinked library placeholder at byte {placeholder / 2}, not listed in linkReferences");
        return HexConvert.FromHex(linked);
    }

    private Address ResolveLibrary(LinkReference link, IReadOnlyDictionary<string, Address>? libraries)
    {
        if (libraries is not null)
        {
            if (libraries.TryGetValue($"{link.SourceName}:{link.LibraryName}", out var qualified))
                return qualified;
            if (libraries.TryGetValue(link.LibraryName, out var plain))
                return plain;
        }
        throw new ArtifactException(ContractName, $"needs library {link.SourceName}:{link.LibraryName} linked: deploy it and pass its address");
    }

    private static List<LinkReference> ReadLinks(JsonElement json)
    {
        var links = new List<LinkReference>();
        if (json.ValueKind != JsonValueKind.Object)
            return links;
        foreach (var file in json.EnumerateObject())
        {
            foreach (var library in file.Value.EnumerateObject())
            {
                var offsets = new List<int>();
                foreach (var place in library.Value.EnumerateArray())
                    offsets.Add(place.GetProperty("start").GetInt32());
                links.Add(new LinkReference(file.Name, library.Name, offsets));
            }
        }
        return links;
    }
}
