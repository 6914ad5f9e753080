using System.Globalization;
using System.Numerics;

namespace ProtocolLab.Simulation.Agents;

/// <summary>
/// The one amount representation of the simulation: token amounts are BigInteger base units
/// (what the chain holds: 1.5 USDC with 6 decimals is 1_500_000). Prices are doubles in whole
/// loan-asset units per whole collateral unit (2000.0 = 1 WETH is worth 2000 USDC).
/// Conversions go through the round-trip decimal text of the double, so 0.1 becomes exactly
/// 10^17 base units at 18 decimals, the same on every platform.
/// </summary>
public static class TokenUnits
{
    public static BigInteger Pow10(int exponent) => BigInteger.Pow(10, exponent);

    /// <summary>Whole tokens to base units, rounding toward zero below one base unit.</summary>
    public static BigInteger ToBaseUnits(double amount, int decimals)
    {
        if (!double.IsFinite(amount))
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "Amount must be finite.");
        }

        var text = amount.ToString("R", CultureInfo.InvariantCulture);
        var exponentAt = text.IndexOfAny(['E', 'e']);
        var exponent = decimals + (exponentAt < 0 ? 0 : int.Parse(text[(exponentAt + 1)..], CultureInfo.InvariantCulture));
        var mantissa = exponentAt < 0 ? text : text[..exponentAt];
        var pointAt = mantissa.IndexOf('.');
        if (pointAt >= 0)
        {
            exponent -= mantissa.Length - pointAt - 1;
            mantissa = mantissa.Remove(pointAt, 1);
        }

        var digits = BigInteger.Parse(mantissa, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        return exponent >= 0 ? digits * Pow10(exponent) : BigInteger.Divide(digits, Pow10(-exponent));
    }

    /// <summary>Base units to whole tokens as the nearest double.</summary>
    public static double ToWhole(BigInteger amount, int decimals)
    {
        var negative = amount.Sign < 0;
        var digits = BigInteger.Abs(amount).ToString(CultureInfo.InvariantCulture).PadLeft(decimals + 1, '0');
        var text = decimals == 0 ? digits : digits[..^decimals] + "." + digits[^decimals..];
        var value = double.Parse(text, CultureInfo.InvariantCulture);
        return negative ? -value : value;
    }
}

/// <summary>The two assets' decimals and the price conversions between their base units.</summary>
public sealed record MarketUnits(int CollateralDecimals, int LoanDecimals)
{
    /// <summary>Prices carry 18 decimals in integer arithmetic.</summary>
    public const int PriceDecimals = 18;

    /// <summary>Loan-asset base units worth <paramref name="collateral"/> base units at <paramref name="price"/>, rounded down.</summary>
    public BigInteger CollateralToLoan(BigInteger collateral, double price) =>
        collateral * TokenUnits.ToBaseUnits(price, PriceDecimals) * TokenUnits.Pow10(LoanDecimals)
        / TokenUnits.Pow10(PriceDecimals + CollateralDecimals);

    /// <summary>Collateral base units worth <paramref name="loan"/> base units at <paramref name="price"/>, rounded down.</summary>
    public BigInteger LoanToCollateral(BigInteger loan, double price)
    {
        var scaledPrice = TokenUnits.ToBaseUnits(price, PriceDecimals);
        return scaledPrice.IsZero
            ? BigInteger.Zero
            : loan * TokenUnits.Pow10(PriceDecimals + CollateralDecimals) / (scaledPrice * TokenUnits.Pow10(LoanDecimals));
    }

    public double CollateralWhole(BigInteger collateral) => TokenUnits.ToWhole(collateral, CollateralDecimals);

    public double LoanWhole(BigInteger loan) => TokenUnits.ToWhole(loan, LoanDecimals);

    public BigInteger CollateralBase(double whole) => TokenUnits.ToBaseUnits(whole, CollateralDecimals);

    public BigInteger LoanBase(double whole) => TokenUnits.ToBaseUnits(whole, LoanDecimals);
}
