using System.Numerics;
using ProtocolLab.Chain.Hex;
using ProtocolLab.Chain.Rpc;

namespace ProtocolLab.Protocols.AaveV3;

/// <summary>
/// A user as Aave's Pool.getUserAccountData sees them (base currency: USD, 8 decimals; ratios in
/// bps; health factor WAD, type(uint256).max without debt), plus the underlying balances.
/// </summary>
public sealed record AaveV3Account(
    Address User,
    BigInteger TotalCollateralBase,
    BigInteger TotalDebtBase,
    BigInteger AvailableBorrowsBase,
    BigInteger CurrentLiquidationThreshold,
    BigInteger Ltv,
    BigInteger HealthFactor,
    BigInteger CollateralBalance,
    BigInteger VariableDebt)
{
    private const int CallsPerUser = 3;

    internal static async Task<IReadOnlyList<AaveV3Account>> ReadAsync(
        AaveV3Deployment market, IReadOnlyList<Address> users, BlockTag block, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(users);
        // One block tag for every call, so the three reads of a user (and all users) agree.
        var results = await market.Session.Reads.CallAsync(Calls(market, users), block, cancellationToken).ConfigureAwait(false);
        return Decode(market, users, results.Select(r => r.GetOutputOrThrow()).ToList());
    }

    /// <summary>The three calls per user behind an account, for a caller's own batch.</summary>
    public static IReadOnlyList<TransactionRequest> Calls(AaveV3Deployment market, IReadOnlyList<Address> users)
    {
        var calls = new List<TransactionRequest>(users.Count * CallsPerUser);
        foreach (var user in users)
        {
            calls.Add(market.Pool.BuildCall("getUserAccountData", [user]));
            calls.Add(market.CollateralReserve.AToken.BuildCall("balanceOf", [user]));
            calls.Add(market.LoanReserve.VariableDebtToken.BuildCall("balanceOf", [user]));
        }
        return calls;
    }

    /// <summary>The outputs of <see cref="Calls"/>, in order, as accounts.</summary>
    public static IReadOnlyList<AaveV3Account> Decode(AaveV3Deployment market, IReadOnlyList<Address> users, IReadOnlyList<byte[]> outputs)
    {
        var accounts = new AaveV3Account[users.Count];
        for (var i = 0; i < users.Count; i++)
        {
            var data = market.Pool.DecodeOutput("getUserAccountData", outputs[i * CallsPerUser]);
            var collateral = market.CollateralReserve.AToken.DecodeOutput("balanceOf", outputs[(i * CallsPerUser) + 1]);
            var debt = market.LoanReserve.VariableDebtToken.DecodeOutput("balanceOf", outputs[(i * CallsPerUser) + 2]);
            accounts[i] = new AaveV3Account(
                users[i], (BigInteger)data[0]!, (BigInteger)data[1]!, (BigInteger)data[2]!, (BigInteger)data[3]!, (BigInteger)data[4]!, (BigInteger)data[5]!,
                (BigInteger)collateral[0]!, (BigInteger)debt[0]!);
        }
        return accounts;
    }
}
