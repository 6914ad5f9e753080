namespace ProtocolLab.Protocols.AaveV3;

/// <summary>
/// The few numeric codes of Aave v3's Errors.sol the harness acts on, named here because Aave
/// reverts with Error("45") and the like, not with custom errors.
/// </summary>
public static class AaveV3Errors
{
    /// <summary>CALLER_NOT_RISK_OR_POOL_ADMIN: a configurator call from an account without the role.</summary>
    public const string CallerNotRiskOrPoolAdmin = "4";

    /// <summary>COLLATERAL_CANNOT_COVER_NEW_BORROW: the borrow would pass the LTV.</summary>
    public const string CollateralCannotCoverNewBorrow = "36";

    /// <summary>HEALTH_FACTOR_NOT_BELOW_THRESHOLD: a liquidation of a position with HF &gt;= 1 (a bot lost the race or misread the price).</summary>
    public const string HealthFactorNotBelowThreshold = "45";
}
