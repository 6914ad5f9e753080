using ProtocolLab.Chain.Abi;

namespace ProtocolLab.Chain.Tests.Abi;

/// <summary>A small hand-written ABI in the solc/Hardhat format, covering every entry kind.</summary>
internal static class LendingAbiFixture
{
    public const string Json = """
        [
          {"type":"constructor","stateMutability":"nonpayable","inputs":[{"name":"asset","type":"address","internalType":"address"},{"name":"ltvBps","type":"uint16","internalType":"uint16"}]},
          {"type":"function","name":"transfer","stateMutability":"nonpayable","inputs":[{"name":"to","type":"address"},{"name":"amount","type":"uint256"}],"outputs":[{"name":"","type":"bool"}]},
          {"type":"function","name":"deposit","stateMutability":"nonpayable","inputs":[{"name":"amount","type":"uint256"}],"outputs":[]},
          {"type":"function","name":"deposit","stateMutability":"payable","inputs":[{"name":"amount","type":"uint256"},{"name":"onBehalf","type":"address"}],"outputs":[]},
          {"type":"function","name":"position","stateMutability":"view","inputs":[{"name":"user","type":"address"}],
           "outputs":[{"name":"pos","type":"tuple","internalType":"struct Position","components":[{"name":"collateral","type":"uint128"},{"name":"debt","type":"uint128"},{"name":"tags","type":"string[]"}]}]},
          {"type":"event","name":"Transfer","anonymous":false,"inputs":[{"name":"from","type":"address","indexed":true},{"name":"to","type":"address","indexed":true},{"name":"value","type":"uint256","indexed":false}]},
          {"type":"event","name":"Repay","anonymous":false,"inputs":[{"name":"user","type":"address","indexed":true},{"name":"memo","type":"string","indexed":true},{"name":"repaid","type":"uint256","indexed":false},{"name":"note","type":"string","indexed":false}]},
          {"type":"event","name":"Ping","anonymous":true,"inputs":[{"name":"id","type":"int32","indexed":true},{"name":"ok","type":"bool","indexed":false}]},
          {"type":"error","name":"InsufficientCollateral","inputs":[{"name":"required","type":"uint256"},{"name":"available","type":"uint256"}]},
          {"type":"error","name":"Paused","inputs":[]},
          {"type":"fallback","stateMutability":"nonpayable"},
          {"type":"receive","stateMutability":"payable"}
        ]
        """;

    public static ContractAbi Abi { get; } = ContractAbi.Parse(Json);
}
