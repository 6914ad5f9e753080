namespace ProtocolLab.Simulation.Scenarios;

/// <summary>
/// What a design may say when it runs on a real protocol, whose rules are its own: Aave v3 has a
/// fixed close-factor rule and stores basis points; Morpho Blue has one immutable LLTV per market and
/// derives its liquidation incentive from it. A field the protocol would ignore is refused, not
/// silently dropped.
/// </summary>
internal static class RealProtocolRules
{
    /// <summary>Aave v3's close factor above HF 0.95 (100% below it: CLOSE_FACTOR_HF_THRESHOLD).</summary>
    public const double AaveCloseFactor = 0.5;

    /// <summary>Morpho Blue's incentive parameters (ConstantsLib): cursor 0.3, at most 15%.</summary>
    public const double MorphoCursor = 0.3;
    public const double MorphoMaxIncentiveFactor = 1.15;

    /// <summary>Morpho Blue's liquidation incentive factor for an LLTV: min(1.15, 1 / (1 - 0.3 x (1 - LLTV))).</summary>
    public static double MorphoIncentiveFactor(double lltv) => Math.Min(MorphoMaxIncentiveFactor, 1 / (1 - (MorphoCursor * (1 - lltv))));

    public static void CheckModel(MappingReader design, ProtocolKind kind, MarginModelKind model, string modelText)
    {
        if (kind == ProtocolKind.ProtocolLab || model == MarginModelKind.Fixed || design.HasInvalidChoice
            || (kind == ProtocolKind.AaveV3 && model == MarginModelKind.Dynamic))
        {
            return;
        }

        var why = (kind, model) switch
        {
            (ProtocolKind.MorphoBlue, MarginModelKind.Dynamic) =>
                "Morpho Blue's LLTV is immutable once a market exists, so a dynamic design cannot change it",
            _ => $"a custom margin contract plugs into ProtocolLab's own market; {Name(kind)} takes its margin from its own configuration",
        };
        design.Errors.Add(design.Node, design.FieldPath("model"), $"expected fixed on protocol.kind {Name(kind)} ({why}), found \"{modelText}\"");
    }

    public static BaseMarginParameters ParseBase(MappingReader p, ProtocolKind kind)
    {
        var initialLtv = p.Number("initialLtv", NumberRule.OpenFraction);
        var threshold = p.Number("liquidationThreshold", new NumberRule(0, 1, MinExclusive: true, MaxExclusive: true));
        Refuse(p, "closeFactor", kind == ProtocolKind.AaveV3
            ? "Aave v3 applies its own close factor: 50%, and 100% below health factor 0.95"
            : "Morpho Blue lets a liquidation repay the whole debt");
        double bonus;
        if (kind == ProtocolKind.AaveV3)
        {
            bonus = p.Number("bonus", NumberRule.Between(0, 0.5));
            foreach (var (key, value) in new[] { ("initialLtv", initialLtv), ("liquidationThreshold", threshold), ("bonus", bonus) })
            {
                if (double.IsFinite(value) && Math.Abs((value * 10_000) - Math.Round(value * 10_000)) > 1e-9)
                {
                    p.Errors.Add(p.Node, p.FieldPath(key), $"expected a multiple of 0.0001 (Aave v3 stores basis points), found {value}");
                }
            }
        }
        else
        {
            Refuse(p, "bonus", "Morpho Blue derives its liquidation incentive from the LLTV: min(1.15, 1 / (1 - 0.3 x (1 - LLTV)))");
            bonus = MorphoIncentiveFactor(threshold) - 1;
        }

        if (initialLtv >= threshold)
        {
            p.Errors.Add(p.Node, p.FieldPath("initialLtv"), $"expected initialLtv below liquidationThreshold {threshold}, found {initialLtv}");
        }

        if (kind == ProtocolKind.AaveV3 && threshold * (1 + bonus) > 1)
        {
            p.Errors.Add(p.Node, p.FieldPath("bonus"), $"expected liquidationThreshold x (1 + bonus) at most 1 (Aave v3 refuses more), found {threshold * (1 + bonus):G6}");
        }

        return new BaseMarginParameters(initialLtv, threshold, kind == ProtocolKind.AaveV3 ? AaveCloseFactor : 1, bonus);
    }

    /// <summary>
    /// A dynamic design on Aave v3 is a risk steward re-pricing the whole reserve: a per-position
    /// depth haircut cannot be expressed, so its sensitivity must be 0.
    /// </summary>
    public static void CheckSteward(MappingReader parameters, DynamicMarginParameters dynamic)
    {
        if (dynamic.LiquiditySensitivity > 0)
        {
            parameters.Errors.Add(parameters.Node, parameters.FieldPath("liquiditySensitivity"),
                $"expected 0 on protocol.kind aave-v3 (its risk steward sets one threshold for the whole reserve; a per-position depth haircut cannot be expressed), found {dynamic.LiquiditySensitivity}");
        }
    }

    public static string Name(ProtocolKind kind) => kind switch
    {
        ProtocolKind.AaveV3 => "aave-v3",
        ProtocolKind.MorphoBlue => "morpho-blue",
        _ => "protocollab",
    };

    private static void Refuse(MappingReader p, string key, string why)
    {
        if (p.Node.Children.Keys.Any(k => k.ToString() == key))
        {
            p.Value(key, required: false, "nothing");
            p.Errors.Add(p.Node, p.FieldPath(key), $"expected no {key} here ({why}); remove it");
        }
    }
}
