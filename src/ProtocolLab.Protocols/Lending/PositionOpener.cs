using System.Numerics;
using ProtocolLab.Chain.Contracts;
using ProtocolLab.Chain.Hex;

namespace ProtocolLab.Protocols.Lending;

/// <summary>A position to open: collateral deposited and debt borrowed, base units.</summary>
public sealed record PositionPlan(Address Borrower, BigInteger Collateral, BigInteger Debt);

/// <summary>
/// Opens many positions in two mined blocks: the owner mints everyone's collateral, then each
/// borrower approves, deposits and borrows (consecutive nonces keep a borrower's three in order).
/// Needs automine off and a devnet that signs for any sender (anvil --auto-impersonate).
/// </summary>
public static class PositionOpener
{
    public const ulong GasPerTransaction = 400_000;

    /// <summary>1 gwei; borrower i tips this plus i wei.</summary>
    public static readonly BigInteger OrderingTip = 1_000_000_000;

    /// <summary>Head-room over the tip for whatever base fee the devnet charges.</summary>
    public static readonly BigInteger MaxBaseFee = 1_000_000_000_000;

    public static async Task OpenAsync(LendingDeployment market, IReadOnlyList<PositionPlan> plans, CancellationToken cancellationToken = default)
    {
        var session = market.Market.Session;
        var gas = new TxOptions { Gas = GasPerTransaction };
        await session.SetBalancesAsync(plans.Select(p => p.Borrower).ToList(), BigInteger.Pow(10, 22), cancellationToken);

        var mints = plans.Select(p => market.Collateral.Mint(market.Owner, p.Borrower, p.Collateral, gas)).ToList();
        await session.MineInBlocksAsync(mints, "minting collateral", cancellationToken);

        var opens = new List<Chain.Rpc.TransactionRequest>(plans.Count * 3);
        for (var i = 0; i < plans.Count; i++)
        {
            // Distinct tips give the block one fee order, so share rounding replays to the wei.
            var p = plans[i];
            var tip = gas with { MaxPriorityFeePerGas = OrderingTip + i, MaxFeePerGas = OrderingTip + i + MaxBaseFee };
            opens.Add(market.Collateral.Approve(p.Borrower, market.Market.Address, p.Collateral, tip));
            opens.Add(market.Market.DepositCollateral(p.Borrower, p.Collateral, tip));
            if (p.Debt > 0)
                opens.Add(market.Market.Borrow(p.Borrower, p.Debt, tip));
        }
        await session.MineInBlocksAsync(opens, "opening positions", cancellationToken);
    }
}
