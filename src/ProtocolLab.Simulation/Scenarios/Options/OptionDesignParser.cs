namespace ProtocolLab.Simulation.Scenarios.Options;

/// <summary>The parameters of an option margin design (<c>model: optionFixed</c> or <c>optionRiskBased</c>).</summary>
internal static class OptionDesignParser
{
    public static OptionMarginSpec ParseFixed(MappingReader p)
    {
        var underlyingPct = p.Number("underlyingPct", new NumberRule(0, 1, MinExclusive: true));
        var floorPct = p.Number("floorPct", NumberRule.Fraction);
        var initialFactor = p.Number("initialFactor", new NumberRule(1, 10), 1.25);
        if (floorPct > underlyingPct)
            p.Errors.Add(p.Node, p.FieldPath("floorPct"), $"expected floorPct <= underlyingPct ({underlyingPct}), found {floorPct}");
        p.RejectUnknownFields();
        return new FixedOptionMarginSpec(underlyingPct, floorPct, initialFactor);
    }

    public static OptionMarginSpec ParseRiskBased(MappingReader p)
    {
        var sigmaMultiple = p.Number("sigmaMultiple", new NumberRule(0, 20));
        var horizon = p.WholeNumber("horizonSeconds", 1, 31_536_000);
        var minMove = p.Number("minMove", new NumberRule(0, 0.99));
        var maxMove = p.Number("maxMove", new NumberRule(0, 0.99));
        var volShockUp = p.Number("volShockUp", new NumberRule(1, 10));
        var gridPoints = p.WholeNumber("gridPoints", 3, 21, 7);
        var floorPct = p.Number("floorPct", NumberRule.Fraction);
        var initialFactor = p.Number("initialFactor", new NumberRule(1, 10), 1.25);
        if (minMove > maxMove)
            p.Errors.Add(p.Node, p.FieldPath("minMove"), $"expected minMove <= maxMove ({maxMove}), found {minMove}");
        if (gridPoints % 2 == 0)
            p.Errors.Add(p.Node, p.FieldPath("gridPoints"), $"expected an odd number of grid points (the zero shock is the middle one), found {gridPoints}");
        p.RejectUnknownFields();
        return new RiskBasedOptionMarginSpec(sigmaMultiple, horizon, minMove, maxMove, volShockUp, gridPoints, floorPct, initialFactor);
    }
}
