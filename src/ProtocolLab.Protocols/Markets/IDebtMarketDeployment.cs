using System.Numerics;
using ProtocolLab.Chain.Contracts;
using ProtocolLab.Chain.Hex;
using ProtocolLab.Chain.Rpc;
using ProtocolLab.Protocols.Bindings;
using ProtocolLab.Protocols.Uniswap;

namespace ProtocolLab.Protocols.Markets;

/// <summary>
/// A debt protocol deployed by a kit over <see cref="PairMarketOptions"/>: what opening positions
/// and funding its liquidators need, whichever protocol it is. The builders return unsent
/// transactions; their gas must be explicit, as for every batch.
/// </summary>
public interface IDebtMarketDeployment
{
    Address Owner { get; }

    TestToken Collateral { get; }

    TestToken Loan { get; }

    UniswapV2 Uniswap { get; }

    UniswapV2Pair Pair { get; }

    /// <summary>The collateral's feed; the owner is its keeper.</summary>
    PushFeed Feed { get; }

    ChainSession Session { get; }

    /// <summary>The contract borrowers and liquidators deal with: liquidators approve it the loan asset, and its logs carry the liquidations.</summary>
    Address Protocol { get; }

    /// <summary>Approve <see cref="Protocol"/>, then supply <paramref name="amount"/> of collateral on the sender's own behalf.</summary>
    IReadOnlyList<TransactionRequest> SupplyCollateral(Address from, BigInteger amount, TxOptions options);

    /// <summary>Borrows <paramref name="amount"/> loan base units to the borrower.</summary>
    TransactionRequest Borrow(Address from, BigInteger amount, TxOptions options);
}
