namespace ProtocolLab.Simulation.Scenarios;

/// <summary>
/// designs[].liquidation. Defaults are Maker's ETH-A parameters: the Clipper's of 2021 for the Dutch
/// auction, the Flipper's of 12 March 2020 for the English one (docs/liquidation-designs.md cites them).
/// </summary>
internal static class LiquidationMechanismParser
{
    private static readonly string[] Kinds = ["market", "dutchAuction", "englishAuction", "stabilityPool"];
    private static readonly string[] Decays = ["exponential", "linear"];

    public static LiquidationMechanismSpec? Parse(MappingReader design, ProtocolKind kind)
    {
        var section = design.Mapping("liquidation", required: false);
        if (section is null)
        {
            return null;
        }

        var mechanism = section.Choice("kind", Kinds);
        if (kind != ProtocolKind.ProtocolLab && mechanism != "market")
        {
            section.Errors.Add(section.Node, section.FieldPath("kind"),
                $"expected kind market on a real protocol (auctions and pools are modules of ProtocolLab's own market), found {mechanism}");
        }

        LiquidationMechanismSpec? spec = mechanism switch
        {
            "dutchAuction" => Dutch(section),
            "englishAuction" => English(section),
            "stabilityPool" => Pool(section),
            _ => null,
        };
        section.RejectUnknownFields();
        return spec;
    }

    private static DutchAuctionSpec Dutch(MappingReader s)
    {
        var buffer = s.Number("startBuffer", NumberRule.Between(1, 10), 1.2);
        var penalty = s.Number("penalty", NumberRule.Between(0, 1), 0.13);
        var exponential = s.Choice("decay", Decays, "exponential") == "exponential";
        var seconds = s.WholeNumber("decaySeconds", 1, 604_800, exponential ? 90 : 7_200);
        // A linear decay reads no cut, so a cut next to it is refused as an unknown field.
        var cut = exponential ? s.Number("cut", NumberRule.OpenFraction, 0.99) : 0;
        var resetAfter = s.WholeNumber("resetAfterSeconds", 1, 604_800, 8_400);
        var resetBelow = s.Number("resetBelow", NumberRule.OpenFraction, 0.4);
        var share = s.Number("kickerShare", NumberRule.Between(0, 0.1), 0.001);
        var tip = s.Number("kickerTip", NumberRule.TokenAmount, 300);
        return new DutchAuctionSpec(buffer, penalty, exponential, seconds, cut, resetAfter, resetBelow, share, tip);
    }

    private static EnglishAuctionSpec English(MappingReader s)
    {
        var increment = s.Number("minIncrement", new NumberRule(0, 1, MinExclusive: true), 0.03);
        var bidDuration = s.WholeNumber("bidDurationSeconds", 1, 604_800, 600);
        var length = s.WholeNumber("auctionSeconds", 1, 2_592_000, 21_600);
        var penalty = s.Number("penalty", NumberRule.Between(0, 1), 0.13);
        return new EnglishAuctionSpec(increment, bidDuration, length, penalty);
    }

    private static StabilityPoolSpec Pool(MappingReader s)
    {
        var deposits = s.Number("deposits", NumberRule.TokenAmount);
        var callerShare = s.Number("callerShare", NumberRule.Between(0, 0.05), 0.005);
        return new StabilityPoolSpec(deposits, callerShare);
    }
}
