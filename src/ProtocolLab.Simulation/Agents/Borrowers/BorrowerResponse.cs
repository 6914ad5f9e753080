using System.Numerics;
using ProtocolLab.Simulation.Agents.Liquidation;
using ProtocolLab.Simulation.Randomness;
using ProtocolLab.Simulation.Scenarios;

namespace ProtocolLab.Simulation.Agents.Borrowers;

/// <summary>What a borrower does this block.</summary>
public abstract record BorrowerAction
{
    public static BorrowerAction None { get; } = new NoAction();
}

public sealed record NoAction : BorrowerAction;

/// <summary>Deposit more collateral (base units).</summary>
public sealed record TopUpAction(BigInteger CollateralToAdd) : BorrowerAction;

/// <summary>Withdraw-and-sell collateral (base units) into the pair and repay debt with the proceeds.</summary>
public sealed record DeleverageAction(BigInteger CollateralToSell) : BorrowerAction;

/// <summary>
/// The margin-call response of a borrower, given its position and the oracle price.
/// Both responses aim at a target health factor computed at the oracle price, with
/// HF = collateral value x liquidationThreshold / debt:
/// top-up adds C' - C where C' = target x debt / (threshold x price);
/// deleverage sells value V = (target x debt - collateral value x threshold) / (target - threshold),
/// capped at the debt and the collateral. Deleverage ignores slippage (the borrower repays
/// what the sale actually returns), so the target is approximate in a thin pool.
/// </summary>
public static class BorrowerResponse
{
    public static BorrowerAction Respond(
        Borrower borrower,
        PositionSnapshot position,
        double liquidationThreshold,
        double oraclePrice,
        MarketUnits units,
        SeededRandom random)
    {
        if (position.Debt.Sign <= 0)
        {
            return BorrowerAction.None;
        }

        return borrower.Behaviour switch
        {
            TopUpBehaviourSpec topUp => TopUp(topUp, position, liquidationThreshold, oraclePrice, units, random),
            DeleverageBehaviourSpec deleverage => Deleverage(deleverage, position, liquidationThreshold, oraclePrice, units),
            _ => BorrowerAction.None,
        };
    }

    private static BorrowerAction TopUp(
        TopUpBehaviourSpec spec, PositionSnapshot position, double threshold, double price, MarketUnits units, SeededRandom random)
    {
        if (position.HealthFactor >= spec.HealthThreshold)
        {
            return BorrowerAction.None;
        }

        // The draw happens only below the threshold: the stream is the borrower's own.
        if (random.NextDouble() >= spec.Probability)
        {
            return BorrowerAction.None;
        }

        var requiredValue = Scale(position.Debt, spec.TargetHealth / threshold);
        var required = units.LoanToCollateral(requiredValue, price) + 1;
        var add = required - position.Collateral;
        return add.Sign > 0 ? new TopUpAction(add) : BorrowerAction.None;
    }

    private static BorrowerAction Deleverage(
        DeleverageBehaviourSpec spec, PositionSnapshot position, double threshold, double price, MarketUnits units)
    {
        if (position.HealthFactor >= spec.HealthThreshold)
        {
            return BorrowerAction.None;
        }

        var collateralValue = units.CollateralToLoan(position.Collateral, price);
        var numerator = Scale(position.Debt, spec.TargetHealth) - Scale(collateralValue, threshold);
        if (numerator.Sign <= 0)
        {
            return BorrowerAction.None;
        }

        var value = BigInteger.Min(Scale(numerator, 1 / (spec.TargetHealth - threshold)), position.Debt);
        var sell = BigInteger.Min(units.LoanToCollateral(value, price), position.Collateral);
        return sell.Sign > 0 ? new DeleverageAction(sell) : BorrowerAction.None;
    }

    /// <summary>amount x factor, the factor carried with 18 decimals (double precision), rounded down.</summary>
    private static BigInteger Scale(BigInteger amount, double factor) =>
        amount * TokenUnits.ToBaseUnits(factor, 18) / TokenUnits.Pow10(18);
}
