using System.Numerics;
using ProtocolLab.Protocols.Markets;

namespace ProtocolLab.Protocols.MorphoBlue;

/// <summary>Everything the Morpho Blue kit deploys, in base units and WAD.</summary>
public sealed record MorphoBlueKitOptions
{
    /// <summary>The tokens, pair and feed under the market; its oracle reads the feed's answer as loan asset per collateral.</summary>
    public required PairMarketOptions Market { get; init; }

    /// <summary>The market's liquidation LTV, WAD, below 1: a position is liquidatable once its debt passes collateral value x LLTV.</summary>
    public required BigInteger Lltv { get; init; }
}
