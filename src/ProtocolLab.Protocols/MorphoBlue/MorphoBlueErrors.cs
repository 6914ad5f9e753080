namespace ProtocolLab.Protocols.MorphoBlue;

/// <summary>
/// The revert strings of Morpho Blue's ErrorsLib the harness meets, named here because Morpho 1.0
/// reverts with Error(string), not custom errors. Two failures carry no string: seizing more
/// collateral than the position holds, or repaying more shares than it owes, underflow (Panic 0x11).
/// </summary>
public static class MorphoBlueErrors
{
    /// <summary>A liquidation of a position that Morpho's health rule (collateral x price x LLTV &gt;= borrowed) still calls healthy.</summary>
    public const string HealthyPosition = "position is healthy";

    /// <summary>A borrow or collateral withdrawal that would leave the position unhealthy: past the LLTV.</summary>
    public const string InsufficientCollateral = "insufficient collateral";

    /// <summary>A borrow or withdrawal of more than the market's suppliers left unborrowed.</summary>
    public const string InsufficientLiquidity = "insufficient liquidity";

    /// <summary>A market created with an LLTV the owner has not enabled.</summary>
    public const string LltvNotEnabled = "LLTV not enabled";

    /// <summary>A call naming a market (its parameters' id) that was never created.</summary>
    public const string MarketNotCreated = "market not created";

    /// <summary>liquidate, supply or borrow given both an assets and a shares amount, or neither.</summary>
    public const string InconsistentInput = "inconsistent input";
}
