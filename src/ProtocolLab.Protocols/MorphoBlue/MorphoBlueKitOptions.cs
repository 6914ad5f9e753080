using System.Numerics;
using ProtocolLab.Protocols.Markets;

namespace ProtocolLab.Protocols.MorphoBlue;

/// <summary>Everything the Morpho Blue kit deploys, in base units and WAD.</summary>
public sealed record MorphoBlueKitOptions
{
    public required TokenConfig Collateral { get; init; }

    public required TokenConfig Loan { get; init; }

    /// <summary>Initial pair reserves, base units.</summary>
    public required BigInteger PairCollateralReserve { get; init; }

    public required BigInteger PairLoanReserve { get; init; }

    /// <summary>The first answer of the collateral's PushFeed: loan asset per collateral, 8 decimals.</summary>
    public required BigInteger InitialAnswer { get; init; }

    /// <summary>The market's liquidation LTV, WAD, below 1: a position is liquidatable once its debt passes collateral value x LLTV.</summary>
    public required BigInteger Lltv { get; init; }

    /// <summary>Loan asset the owner supplies to the market at setup, base units.</summary>
    public required BigInteger LenderSupply { get; init; }
}
