using System.Numerics;
using ProtocolLab.Chain.Hex;
using ProtocolLab.Chain.Rpc;

namespace ProtocolLab.Chain.Contracts;

/// <summary>Devnet-only account set-up in bulk (anvil_setBalance in one JSON-RPC batch).</summary>
public static class AccountFunding
{
    public static async Task SetBalancesAsync(this ChainSession session, IReadOnlyList<Address> accounts, BigInteger wei, CancellationToken cancellationToken = default)
    {
        var method = session.Dev.Flavor == DevFlavor.Hardhat ? "hardhat_setBalance" : "anvil_setBalance";
        var requests = accounts.Select(a => new JsonRpcRequest(method, a, RpcValue.Quantity(wei))).ToList();
        for (var start = 0; start < requests.Count; start += 500)
        {
            var chunk = requests.GetRange(start, Math.Min(500, requests.Count - start));
            var responses = await session.Rpc.SendBatchAsync(chunk, cancellationToken).ConfigureAwait(false);
            foreach (var response in responses)
                response.GetResultOrThrow();
        }
    }
}
