using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace ProtocolLab.Simulation.Scenarios;

internal static partial class ProtocolSectionParser
{
    private static readonly string[] Kinds = ["protocollab", "aave-v3", "morpho-blue"];
    private static readonly string[] Models = ["fixed", "dynamic", "custom", "tiered"];
    private static readonly string[] OptionModels = ["optionFixed", "optionRiskBased"];
    private static readonly string[] BaseKeys = ["initialLtv", "liquidationThreshold", "closeFactor", "bonus"];
    private static readonly string[] DynamicKeys =
    [
        "volatilitySensitivity", "liquiditySensitivity", "minThreshold", "maxThreshold", "maxThresholdChangePerBlock",
        "ewmaDecay", "maxReturnPerRound", "maxBonus", "bonusVolatilitySensitivity", "maxBonusChangePerBlock", "maxDepthHaircut",
    ];

    public static ProtocolSpec Parse(MappingReader protocol, bool optionsScenario = false)
    {
        var kind = protocol.Choice("kind", Kinds, "protocollab") switch
        {
            "aave-v3" => ProtocolKind.AaveV3,
            "morpho-blue" => ProtocolKind.MorphoBlue,
            _ => ProtocolKind.ProtocolLab,
        };
        if (optionsScenario && kind != ProtocolKind.ProtocolLab)
        {
            protocol.Errors.Add(protocol.Node, protocol.FieldPath("kind"), $"expected protocollab in an options scenario (the options vault is ProtocolLab's), found \"{Kinds[(int)kind]}\"");
        }

        var designs = new List<DesignSpec>();
        var sequence = protocol.Sequence("designs", required: true);
        if (sequence is not null)
        {
            if (sequence.Children.Count is 0 or > 16)
            {
                protocol.Errors.Add(sequence, protocol.FieldPath("designs"), $"expected 1 to 16 designs, found {sequence.Children.Count}");
            }

            for (var i = 0; i < sequence.Children.Count; i++)
            {
                var path = $"{protocol.FieldPath("designs")}[{i}]";
                var design = MappingReader.Open(sequence.Children[i], path, protocol.Errors);
                if (design is null)
                {
                    continue;
                }

                var parsed = ParseDesign(design, optionsScenario, kind);
                if (designs.Any(d => d.Name == parsed.Name))
                {
                    protocol.Errors.Add(design.Node, path + ".name", $"expected a design name not used before, found \"{parsed.Name}\" again");
                }

                designs.Add(parsed);
            }
        }

        var insuranceFund = protocol.Number("insuranceFund", NumberRule.TokenAmount, 0);
        var maxOracleAge = protocol.WholeNumber("maxOracleAgeSeconds", 1, 604_800, 3600);
        protocol.RejectUnknownFields();
        return new ProtocolSpec(designs, insuranceFund, maxOracleAge) { Kind = kind };
    }

    private static DesignSpec ParseDesign(MappingReader design, bool optionsScenario, ProtocolKind kind)
    {
        var name = design.Name("name");
        if (optionsScenario)
        {
            return ParseOptionDesign(design, name);
        }

        var modelText = design.Choice("model", Models);
        var model = modelText switch
        {
            "dynamic" => MarginModelKind.Dynamic,
            "custom" => MarginModelKind.Custom,
            "tiered" => MarginModelKind.Tiered,
            _ => MarginModelKind.Fixed,
        };
        var defaultContract = model switch
        {
            MarginModelKind.Fixed => "FixedMargin",
            MarginModelKind.Dynamic => "DynamicMargin",
            MarginModelKind.Tiered => "TieredMargin",
            _ => null,
        };
        var contract = design.Text("contract", s => ContractPattern().IsMatch(s), "a Solidity contract name", defaultContract);
        var parameters = design.Mapping("parameters");
        var breaker = ParseCircuitBreaker(design, kind);
        var liquidation = LiquidationMechanismParser.Parse(design, kind);
        var insurance = ParseInsurance(design, kind);
        var bandsNode = design.Sequence("healthBands", required: model == MarginModelKind.Tiered);
        design.RejectUnknownFields();
        RealProtocolRules.CheckModel(design, kind, model, modelText);
        if (parameters is null)
        {
            return new DesignSpec(name, model, contract, new BaseMarginParameters(0, 0, 0, 0), null, []) { CircuitBreaker = breaker, Liquidation = liquidation, Insurance = insurance };
        }

        var baseParameters = kind == ProtocolKind.ProtocolLab ? ParseBase(parameters) : RealProtocolRules.ParseBase(parameters, kind);
        var dynamic = model == MarginModelKind.Dynamic ? ParseDynamic(parameters, baseParameters) : null;
        if (kind == ProtocolKind.AaveV3 && dynamic is not null)
        {
            RealProtocolRules.CheckSteward(parameters, dynamic);
        }

        var all = ReadAllNumbers(parameters, allowExtra: model == MarginModelKind.Custom || design.HasInvalidChoice);
        var bands = ParseHealthBands(design, bandsNode, model, baseParameters);
        return new DesignSpec(name, model, contract, baseParameters, dynamic, all) { CircuitBreaker = breaker, Liquidation = liquidation, Insurance = insurance, HealthBands = bands };
    }

    /// <summary>designs[].healthBands: a tiered design's bands, at most 4, `below` strictly falling within (0, 1].</summary>
    private static List<HealthBandSpec> ParseHealthBands(MappingReader design, YamlDotNet.RepresentationModel.YamlSequenceNode? sequence, MarginModelKind model, BaseMarginParameters b)
    {
        var bands = new List<HealthBandSpec>();
        if (sequence is null)
        {
            return bands;
        }

        var path = design.FieldPath("healthBands");
        if (model != MarginModelKind.Tiered)
        {
            design.Errors.Add(sequence, path, "expected healthBands only on a tiered design (model: tiered), found them");
            return bands;
        }

        if (sequence.Children.Count is 0 or > 4)
        {
            design.Errors.Add(sequence, path, $"expected 1 to 4 bands, found {sequence.Children.Count}");
        }

        for (var i = 0; i < sequence.Children.Count; i++)
        {
            if (MappingReader.Open(sequence.Children[i], $"{path}[{i}]", design.Errors) is not { } band)
            {
                continue;
            }

            var below = band.Number("below", new NumberRule(0, 1, MinExclusive: true));
            var closeFactor = band.Number("closeFactor", new NumberRule(0, 1, MinExclusive: true));
            var bonus = band.Number("bonus", NumberRule.Between(0, 0.5), b.Bonus);
            band.RejectUnknownFields();
            if (bands.Count > 0 && below >= bands[^1].HealthBelow)
            {
                band.Errors.Add(band.Node, band.FieldPath("below"), $"expected below under the previous band's {bands[^1].HealthBelow} (bands run from the highest health down), found {below}");
            }

            if (b.LiquidationThreshold * (1 + bonus) >= 1)
            {
                band.Errors.Add(band.Node, band.FieldPath("bonus"), $"expected liquidationThreshold x (1 + bonus) < 1 (else a liquidation cannot restore health), found {b.LiquidationThreshold} x {1 + bonus}");
            }

            bands.Add(new HealthBandSpec(below, closeFactor, bonus));
        }

        return bands;
    }

    private static readonly string[] LossOrders = ["fundFirst", "lenders"];

    /// <summary>designs[].insurance: ProtocolLab's market only (its insurance fund and loss order).</summary>
    private static InsuranceSpec? ParseInsurance(MappingReader design, ProtocolKind kind)
    {
        var insurance = design.Mapping("insurance", required: false);
        if (insurance is null)
        {
            return null;
        }

        if (kind != ProtocolKind.ProtocolLab)
        {
            design.Errors.Add(insurance.Node, design.FieldPath("insurance"),
                "expected no insurance on a real protocol (the fund and loss order are ProtocolLab's market's), found one");
        }

        double? fund = insurance.Value("fund", required: false, "a token amount") is null ? null : insurance.Number("fund", NumberRule.TokenAmount);
        var feeShare = insurance.Number("feeShare", NumberRule.Fraction, 0.5);
        var order = insurance.Choice("lossOrder", LossOrders, "fundFirst");
        insurance.RejectUnknownFields();
        return new InsuranceSpec(fund, feeShare, order != "lenders");
    }

    /// <summary>designs[].circuitBreaker: ProtocolLab's market only (its CircuitBreaker guard).</summary>
    private static CircuitBreakerSpec? ParseCircuitBreaker(MappingReader design, ProtocolKind kind)
    {
        var breaker = design.Mapping("circuitBreaker", required: false);
        if (breaker is null)
        {
            return null;
        }

        if (kind != ProtocolKind.ProtocolLab)
        {
            design.Errors.Add(breaker.Node, design.FieldPath("circuitBreaker"),
                "expected no circuitBreaker on a real protocol (the breaker is a guard of ProtocolLab's own market), found one");
        }

        var maxMove = breaker.Number("maxMove", NumberRule.OpenFraction);
        var window = breaker.WholeNumber("windowBlocks", 1, 256);
        var pause = breaker.WholeNumber("pauseBlocks", 0, 100_000);
        var borrowing = breaker.Boolean("pausesBorrowing", false);
        if (pause < window && window >= 1 && pause >= 0)
        {
            breaker.Errors.Add(breaker.Node, breaker.FieldPath("pauseBlocks"),
                $"expected pauseBlocks at least windowBlocks {window} (a pause shorter than the window would end while the move is still in it), found {pause}");
        }

        breaker.RejectUnknownFields();
        return new CircuitBreakerSpec(maxMove, window, pause, borrowing);
    }

    /// <summary>In an options scenario every design is an option margin model.</summary>
    private static DesignSpec ParseOptionDesign(MappingReader design, string name)
    {
        var model = design.Choice("model", OptionModels) == "optionRiskBased" ? MarginModelKind.OptionRiskBased : MarginModelKind.OptionFixed;
        var contract = model == MarginModelKind.OptionFixed ? "FixedOptionMargin" : "RiskBasedOptionMargin";
        var parameters = design.Mapping("parameters");
        design.RejectUnknownFields();
        var zero = new BaseMarginParameters(0, 0, 0, 0);
        if (parameters is null || design.HasInvalidChoice)
        {
            return new DesignSpec(name, model, contract, zero, null, []);
        }

        var option = model == MarginModelKind.OptionFixed ? Options.OptionDesignParser.ParseFixed(parameters) : Options.OptionDesignParser.ParseRiskBased(parameters);
        return new DesignSpec(name, model, contract, zero, null, []) { OptionMargin = option };
    }

    internal static BaseMarginParameters ParseBase(MappingReader p)
    {
        var initialLtv = p.Number("initialLtv", NumberRule.OpenFraction);
        var threshold = p.Number("liquidationThreshold", new NumberRule(0, 1, MinExclusive: true));
        var closeFactor = p.Number("closeFactor", new NumberRule(0, 1, MinExclusive: true));
        var bonus = p.Number("bonus", NumberRule.Between(0, 0.5));
        if (initialLtv >= threshold)
        {
            p.Errors.Add(p.Node, p.FieldPath("initialLtv"), $"expected initialLtv below liquidationThreshold {threshold}, found {initialLtv}");
        }

        // A liquidation at HF = 1 raises the health factor only when threshold x (1 + bonus) < 1.
        if (threshold * (1 + bonus) >= 1)
        {
            p.Errors.Add(
                p.Node,
                p.FieldPath("bonus"),
                $"expected liquidationThreshold x (1 + bonus) below 1 so that liquidation restores health, found {threshold * (1 + bonus):G6}");
        }

        return new BaseMarginParameters(initialLtv, threshold, closeFactor, bonus);
    }

    private static DynamicMarginParameters ParseDynamic(MappingReader p, BaseMarginParameters baseParameters)
    {
        var volatility = p.Number("volatilitySensitivity", NumberRule.Between(0, 100));
        var liquidity = p.Number("liquiditySensitivity", NumberRule.Between(0, 1));
        var min = p.Number("minThreshold", new NumberRule(0, 1, MinExclusive: true));
        var max = p.Number("maxThreshold", new NumberRule(0, 1, MinExclusive: true));
        var maxChange = p.Number("maxThresholdChangePerBlock", new NumberRule(0, 1, MinExclusive: true));
        var ewmaDecay = p.Number("ewmaDecay", new NumberRule(0, 1, MaxExclusive: true), DynamicMarginParameters.DefaultEwmaDecay);
        var maxReturn = p.Number("maxReturnPerRound", new NumberRule(0, 1000, MinExclusive: true), DynamicMarginParameters.DefaultMaxReturnPerRound);
        var bonus = baseParameters.Bonus;
        var maxBonus = p.Number("maxBonus", NumberRule.Between(0, 0.5), DynamicMarginParameters.DefaultMaxBonus(bonus));
        var bonusSensitivity = p.Number("bonusVolatilitySensitivity", NumberRule.Between(0, 100), bonus);
        var maxBonusChange = p.Number("maxBonusChangePerBlock", new NumberRule(0, 1, MinExclusive: true), DynamicMarginParameters.DefaultMaxBonusChangePerBlock);
        var maxHaircut = p.Number("maxDepthHaircut", NumberRule.Fraction, Math.Max(0, max - min));
        var threshold = baseParameters.LiquidationThreshold;
        if (!(min <= threshold && threshold <= max))
        {
            p.Errors.Add(
                p.Node,
                p.FieldPath("minThreshold"),
                $"expected minThreshold <= liquidationThreshold <= maxThreshold, found {min} <= {threshold} <= {max}");
        }

        if (maxBonus < bonus)
        {
            p.Errors.Add(p.Node, p.FieldPath("maxBonus"), $"expected maxBonus at least bonus {bonus}, found {maxBonus}");
        }
        else if (max * (1 + maxBonus) >= 1)
        {
            p.Errors.Add(
                p.Node,
                p.FieldPath("maxBonus"),
                $"expected maxThreshold x (1 + maxBonus) below 1 so that liquidation restores health, found {max * (1 + maxBonus):G6}");
        }

        // DynamicMargin refuses a sensitivity above minThreshold - ltvGap: beyond it, adding collateral
        // could lower a position's borrowing capacity (docs/margin-models.md).
        var sensitivityCap = min - (threshold - baseParameters.InitialLtv);
        if (liquidity > 0 && liquidity > sensitivityCap + 1e-12)
        {
            p.Errors.Add(
                p.Node,
                p.FieldPath("liquiditySensitivity"),
                $"expected at most minThreshold - (liquidationThreshold - initialLtv) = {Math.Max(0, sensitivityCap):G6}, so that adding collateral never lowers borrowing capacity, found {liquidity}");
        }

        return new DynamicMarginParameters(volatility, liquidity, min, max, maxChange)
        {
            EwmaDecay = ewmaDecay,
            MaxReturnPerRound = maxReturn,
            MaxBonus = maxBonus,
            BonusVolatilitySensitivity = bonusSensitivity,
            MaxBonusChangePerBlock = maxBonusChange,
            MaxDepthHaircut = maxHaircut,
        };
    }

    /// <summary>Every entry of the parameters map, in file order; extra keys only for custom designs.</summary>
    private static List<KeyValuePair<string, double>> ReadAllNumbers(MappingReader p, bool allowExtra)
    {
        var result = new List<KeyValuePair<string, double>>();
        foreach (var (keyNode, value) in p.Node.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            var known = BaseKeys.Contains(key) || DynamicKeys.Contains(key);
            if (!known && allowExtra)
            {
                p.Value(key, required: false, "a number");
                if (MappingReader.ParseNumber(value, p.FieldPath(key), NumberRule.Between(double.MinValue, double.MaxValue), p.Errors) is { } extra)
                {
                    result.Add(new(key, extra));
                }

                continue;
            }

            if (known && value is YamlScalarNode { Value: { } text }
                && double.TryParse(text.Replace("_", ""), NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                result.Add(new(key, number));
            }
        }

        p.RejectUnknownFields();
        return result;
    }


    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,127}$")]
    private static partial Regex ContractPattern();
}
