namespace ProtocolLab.Chain.Devnets;

/// <summary>Chain ids of public networks (mainnets and public testnets) the harness refuses by default.</summary>
public static class PublicChains
{
    private static readonly Dictionary<ulong, string> Names = new()
    {
        [1] = "Ethereum mainnet",
        [10] = "OP Mainnet",
        [25] = "Cronos",
        [56] = "BNB Smart Chain",
        [100] = "Gnosis",
        [130] = "Unichain",
        [137] = "Polygon PoS",
        [146] = "Sonic",
        [250] = "Fantom",
        [324] = "zkSync Era",
        [1101] = "Polygon zkEVM",
        [1284] = "Moonbeam",
        [5000] = "Mantle",
        [8453] = "Base",
        [17000] = "Holesky",
        [34443] = "Mode",
        [42161] = "Arbitrum One",
        [42170] = "Arbitrum Nova",
        [42220] = "Celo",
        [43114] = "Avalanche C-Chain",
        [59144] = "Linea",
        [80002] = "Polygon Amoy",
        [81457] = "Blast",
        [84532] = "Base Sepolia",
        [421614] = "Arbitrum Sepolia",
        [534352] = "Scroll",
        [560048] = "Hoodi",
        [7777777] = "Zora",
        [11155111] = "Sepolia",
        [11155420] = "OP Sepolia",
    };

    public static IReadOnlyDictionary<ulong, string> All => Names;

    public static bool TryGetName(ulong chainId, out string name) => Names.TryGetValue(chainId, out name!);
}
