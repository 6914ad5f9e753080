namespace ProtocolLab.Bindings.Generator.Tests.Support;

/// <summary>Small handwritten Hardhat 3 artifacts, each exercising a corner of the ABI.</summary>
internal static class TestArtifacts
{
    private const string Bytecode = "0x6080604052";

    /// <summary>Hardhat 3 writes <c>artifacts/&lt;sourceName&gt;/&lt;contractName&gt;.json</c>.</summary>
    public static (string Path, string Json) Artifact(string contractName, string sourceName, string abi, string bytecode = Bytecode) =>
        ($"/repo/artifacts/{sourceName}/{contractName}.json", $$"""
        {
          "_format": "hh3-artifact-1",
          "contractName": "{{contractName}}",
          "sourceName": "{{sourceName}}",
          "abi": {{abi}},
          "bytecode": "{{bytecode}}",
          "deployedBytecode": "{{bytecode}}",
          "linkReferences": {},
          "deployedLinkReferences": {}
        }
        """);

    private const string LegTuple = """
        { "name": "legs", "type": "tuple[]", "internalType": "struct Lens.Leg[]", "components": [
          { "name": "token", "type": "address", "internalType": "address" },
          { "name": "amount", "type": "int256", "internalType": "int256" } ] }
        """;

    private const string PositionTuple = $$"""
        { "name": "", "type": "tuple", "internalType": "struct Lens.PositionView", "components": [
          { "name": "id", "type": "uint256", "internalType": "uint256" },
          { "name": "owner", "type": "address", "internalType": "address" },
          {{LegTuple}},
          { "name": "meta", "type": "tuple", "internalType": "struct Types.Meta", "components": [
            { "name": "tag", "type": "bytes32", "internalType": "bytes32" },
            { "name": "note", "type": "string", "internalType": "string" } ] } ] }
        """;

    /// <summary>A deployable contract with every kind of member the generator handles.</summary>
    public static (string Path, string Json) Lens() => Artifact("Lens", "contracts/src/Lens.sol", $$"""
        [
          { "type": "constructor", "stateMutability": "nonpayable", "inputs": [
            { "name": "oracle", "type": "address", "internalType": "contract IOracle" },
            { "name": "weights", "type": "uint256[]", "internalType": "uint256[]" } ] },
          { "type": "function", "name": "totalAssets", "stateMutability": "view", "inputs": [],
            "outputs": [ { "name": "", "type": "uint256", "internalType": "uint256" } ] },
          { "type": "function", "name": "getReserves", "stateMutability": "view", "inputs": [], "outputs": [
            { "name": "reserve0", "type": "uint112", "internalType": "uint112" },
            { "name": "_reserve1", "type": "uint112", "internalType": "uint112" },
            { "name": "", "type": "uint32", "internalType": "uint32" } ] },
          { "type": "function", "name": "position", "stateMutability": "view",
            "inputs": [ { "name": "id", "type": "uint256", "internalType": "uint256" } ],
            "outputs": [ {{PositionTuple}} ] },
          { "type": "function", "name": "positionsOf", "stateMutability": "view",
            "inputs": [ { "name": "r", "type": "address", "internalType": "address" } ],
            "outputs": [ { "name": "", "type": "tuple[]", "internalType": "struct Lens.PositionView[]", "components": [
              { "name": "id", "type": "uint256", "internalType": "uint256" },
              { "name": "owner", "type": "address", "internalType": "address" },
              {{LegTuple}},
              { "name": "meta", "type": "tuple", "internalType": "struct Types.Meta", "components": [
                { "name": "tag", "type": "bytes32", "internalType": "bytes32" },
                { "name": "note", "type": "string", "internalType": "string" } ] } ] } ] },
          { "type": "function", "name": "quote", "stateMutability": "pure",
            "inputs": [ { "name": "amount", "type": "uint256", "internalType": "uint256" } ],
            "outputs": [ { "name": "", "type": "uint256", "internalType": "uint256" } ] },
          { "type": "function", "name": "quote", "stateMutability": "pure",
            "inputs": [ { "name": "amount", "type": "int256", "internalType": "int256" } ],
            "outputs": [ { "name": "", "type": "uint256", "internalType": "uint256" } ] },
          { "type": "function", "name": "quote", "stateMutability": "view", "inputs": [
            { "name": "token", "type": "address", "internalType": "address" },
            { "name": "amount", "type": "uint256", "internalType": "uint256" } ],
            "outputs": [ { "name": "", "type": "uint256", "internalType": "uint256" } ] },
          { "type": "function", "name": "deposit", "stateMutability": "nonpayable",
            "inputs": [ { "name": "amount", "type": "uint256", "internalType": "uint256" } ], "outputs": [] },
          { "type": "function", "name": "depositEth", "stateMutability": "payable", "inputs": [], "outputs": [] },
          { "type": "function", "name": "open", "stateMutability": "nonpayable", "inputs": [
            { "name": "positions", "type": "tuple[]", "internalType": "struct Lens.PositionView[]", "components": [
              { "name": "id", "type": "uint256", "internalType": "uint256" },
              { "name": "owner", "type": "address", "internalType": "address" },
              {{LegTuple}},
              { "name": "meta", "type": "tuple", "internalType": "struct Types.Meta", "components": [
                { "name": "tag", "type": "bytes32", "internalType": "bytes32" },
                { "name": "note", "type": "string", "internalType": "string" } ] } ] },
            { "name": "grid", "type": "uint8[2][]", "internalType": "uint8[2][]" } ],
            "outputs": [ { "name": "", "type": "uint256", "internalType": "uint256" } ] },
          { "type": "function", "name": "settle", "stateMutability": "nonpayable", "inputs": [
            { "name": "from", "type": "address", "internalType": "address" },
            { "name": "operator", "type": "address", "internalType": "address" },
            { "name": "event", "type": "bytes", "internalType": "bytes" },
            { "name": "", "type": "bool", "internalType": "bool" },
            { "name": "x0", "type": "tuple[]", "internalType": "struct Lens.Leg[]", "components": [
              { "name": "token", "type": "address", "internalType": "address" },
              { "name": "amount", "type": "int256", "internalType": "int256" } ] },
            { "name": "options", "type": "string", "internalType": "string" } ], "outputs": [] },
          { "type": "function", "name": "abi", "stateMutability": "nonpayable", "inputs": [], "outputs": [] },
          { "type": "event", "name": "Transfer", "anonymous": false, "inputs": [
            { "name": "from", "type": "address", "indexed": true, "internalType": "address" },
            { "name": "to", "type": "address", "indexed": true, "internalType": "address" },
            { "name": "value", "type": "uint256", "indexed": false, "internalType": "uint256" } ] },
          { "type": "event", "name": "Noted", "anonymous": false, "inputs": [
            { "name": "topic", "type": "string", "indexed": true, "internalType": "string" },
            { "name": "ids", "type": "uint256[]", "indexed": true, "internalType": "uint256[]" },
            { "name": "data", "type": "bytes", "indexed": false, "internalType": "bytes" },
            { "name": "memo", "type": "string", "indexed": false, "internalType": "string" } ] },
          { "type": "event", "name": "Opened", "anonymous": false, "inputs": [
            { "name": "id", "type": "uint256", "indexed": true, "internalType": "uint256" },
            { "name": "meta", "type": "tuple", "indexed": false, "internalType": "struct Types.Meta", "components": [
              { "name": "tag", "type": "bytes32", "internalType": "bytes32" },
              { "name": "note", "type": "string", "internalType": "string" } ] } ] },
          { "type": "error", "name": "InsufficientBalance", "inputs": [
            { "name": "available", "type": "uint256", "internalType": "uint256" },
            { "name": "needed", "type": "uint256", "internalType": "uint256" } ] },
          { "type": "error", "name": "Unauthorized", "inputs": [] },
          { "type": "receive", "stateMutability": "payable" },
          { "type": "fallback", "stateMutability": "payable" }
        ]
        """);

    /// <summary>An interface: no creation code, so calls and events but no DeployAsync.</summary>
    public static (string Path, string Json) Erc20() => Artifact("IERC20", "contracts/src/interfaces/IERC20.sol", """
        [
          { "type": "function", "name": "balanceOf", "stateMutability": "view",
            "inputs": [ { "name": "account", "type": "address", "internalType": "address" } ],
            "outputs": [ { "name": "", "type": "uint256", "internalType": "uint256" } ] },
          { "type": "function", "name": "transfer", "stateMutability": "nonpayable", "inputs": [
            { "name": "to", "type": "address", "internalType": "address" },
            { "name": "amount", "type": "uint256", "internalType": "uint256" } ],
            "outputs": [ { "name": "", "type": "bool", "internalType": "bool" } ] },
          { "type": "event", "name": "Transfer", "anonymous": false, "inputs": [
            { "name": "from", "type": "address", "indexed": true, "internalType": "address" },
            { "name": "to", "type": "address", "indexed": true, "internalType": "address" },
            { "name": "value", "type": "uint256", "indexed": false, "internalType": "uint256" } ] }
        ]
        """, bytecode: "0x");

    /// <summary>An ABI fixture under contracts/test/fixtures/: bound although it lives under contracts/test/.</summary>
    public static (string Path, string Json) AggregatorFixture() => Artifact("AggregatorV3Interface", "contracts/test/fixtures/AggregatorV3Interface.sol", """
        [
          { "type": "function", "name": "latestRoundData", "stateMutability": "view", "inputs": [], "outputs": [
            { "name": "roundId", "type": "uint80", "internalType": "uint80" },
            { "name": "answer", "type": "int256", "internalType": "int256" },
            { "name": "startedAt", "type": "uint256", "internalType": "uint256" },
            { "name": "updatedAt", "type": "uint256", "internalType": "uint256" },
            { "name": "answeredInRound", "type": "uint80", "internalType": "uint80" } ] }
        ]
        """, bytecode: "");

    public static (string Path, string Json) SolidityTest() => Artifact("LensTest", "contracts/test/Lens.t.sol", "[]");

    public static (string Path, string Json) TestHelper() => Artifact("Handler", "contracts/test/utils/Handler.sol", "[]");

    public static (string Path, string Json) Dependency() => Artifact("ERC20", "npm/@openzeppelin/contracts@5.0.0/token/ERC20/ERC20.sol", "[]");

    public static (string Path, string Json) Malformed() => ("/repo/artifacts/contracts/src/Broken.sol/Broken.json", """
        {
          "_format": "hh3-artifact-1",
          "contractName": "Broken",
          "abi": [ { "type": "function", }
        }
        """);

    /// <summary>Every fixture above: the set the generator sees in most tests.</summary>
    public static IReadOnlyList<(string Path, string Json)> All() =>
        [Lens(), Erc20(), AggregatorFixture(), SolidityTest(), TestHelper(), Dependency(), Malformed()];
}
