namespace ProtocolLab.Simulation.Agents.Liquidity;

/// <summary>
/// Where a liquidity provider wants its liquidity: out of the pair once volatility rises above
/// <paramref name="WithdrawAbove"/>, back once it falls below <paramref name="ReturnBelow"/> (never when
/// null), and otherwise where it was: the gap between the two levels keeps one noisy reading from
/// sending it in and out on alternate blocks.
/// </summary>
public sealed record LiquidityFlight(double WithdrawAbove, double? ReturnBelow)
{
    /// <returns>True when the provider wants to be in the pair after seeing <paramref name="volatility"/>.</returns>
    public bool WantsIn(bool wasIn, double volatility)
    {
        if (volatility > WithdrawAbove)
            return false;
        if (ReturnBelow is { } level && volatility < level)
            return true;
        return wasIn;
    }
}
