using System.Numerics;

namespace ProtocolLab.Protocols.Markets;

/// <summary>
/// The world a debt protocol's kit deploys under itself, in base units: the two test tokens, the
/// seeded Uniswap V2 pair, the first answer of the collateral's PushFeed and the loan asset the owner
/// supplies to the protocol.
/// </summary>
public sealed record PairMarketOptions
{
    public required TokenConfig Collateral { get; init; }

    public required TokenConfig Loan { get; init; }

    /// <summary>Initial pair reserves, base units.</summary>
    public required BigInteger PairCollateralReserve { get; init; }

    public required BigInteger PairLoanReserve { get; init; }

    /// <summary>The first answer of the collateral's PushFeed: loan asset (1 USD) per collateral, 8 decimals.</summary>
    public required BigInteger InitialAnswer { get; init; }

    /// <summary>Loan asset the owner supplies to the protocol at setup, base units.</summary>
    public required BigInteger LenderSupply { get; init; }
}
