using System.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ProtocolLab.Simulation.Scenarios;

/// <summary>
/// Reads a scenario file into a <see cref="Scenario"/>, or throws a
/// <see cref="ScenarioLoadException"/> listing every problem found.
/// Uses YamlDotNet's representation model so each error keeps its line and column.
/// </summary>
public static class ScenarioLoader
{
    /// <summary>Loads <paramref name="path"/>; errors name the file as <paramref name="displayPath"/> (default: the path as given).</summary>
    public static Scenario Load(string path, string? displayPath = null)
    {
        var bytes = File.ReadAllBytes(path);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        return Parse(bytes, displayPath ?? path, directory, Path.GetFullPath(path));
    }

    /// <summary>Parses scenario text; relative CSV paths resolve against <paramref name="baseDirectory"/>.</summary>
    public static Scenario Parse(string text, string displayPath, string baseDirectory) =>
        Parse(Encoding.UTF8.GetBytes(text), displayPath, baseDirectory, displayPath);

    private static Scenario Parse(byte[] bytes, string displayPath, string baseDirectory, string sourcePath)
    {
        var errors = new ErrorCollector(displayPath);
        if (YamlText.Decode(bytes, out var notUtf8) is null)
        {
            errors.Add(new Mark(0, notUtf8!.Line, notUtf8.Column), "(file)", notUtf8.Message);
            throw new ScenarioLoadException(errors.Errors);
        }

        var canonical = ScenarioHash.Canonicalize(bytes);
        var root = ReadRoot(Encoding.UTF8.GetString(canonical), errors);
        if (root is null)
        {
            throw new ScenarioLoadException(errors.Errors);
        }

        var reader = MappingReader.Open(root, "", errors);
        if (reader is null)
        {
            throw new ScenarioLoadException(errors.Errors);
        }

        var scenario = ReadScenario(reader, baseDirectory, sourcePath);
        if (errors.Count > 0)
        {
            throw new ScenarioLoadException(errors.Errors);
        }

        var csvBytes = scenario.PricePath is CsvPathSpec csv ? File.ReadAllBytes(csv.FullPath) : null;
        return scenario with { Hash = ScenarioHash.Compute(canonical, csvBytes, scenario.Population.ImportedFileBytes) };
    }

    private static YamlNode? ReadRoot(string text, ErrorCollector errors)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (stream.Documents.Count == 1)
            {
                return stream.Documents[0].RootNode;
            }

            errors.Add(Mark.Empty, "(file)", $"expected exactly one YAML document, found {stream.Documents.Count}");
        }
        catch (Exception) when (YamlText.UnclosedFlowMapping(text) is { } unclosed)
        {
            errors.Add(new Mark(0, unclosed.Line, unclosed.Column), "(syntax)", unclosed.Message);
        }
        catch (YamlException ex)
        {
            errors.Add(ex.Start, "(syntax)", $"expected valid YAML, found a syntax error: {ex.Message}");
        }
        catch (InvalidOperationException ex)
        {
            // YamlDotNet's scanner throws this, without a position, on some unterminated flow collections.
            errors.Add(new Mark(0, 1, 1), "(syntax)", $"expected valid YAML, found a syntax error the parser could not locate: {ex.Message}");
        }

        return null;
    }

    private static Scenario ReadScenario(MappingReader root, string baseDirectory, string sourcePath)
    {
        var name = root.Name("name");
        var description = root.Text("description", _ => true, "a text", "");
        var seed = root.Seed("seed");
        var runs = root.WholeNumber("runs", 1, 10_000, 1);
        var blocks = root.WholeNumber("blocks", 1, 100_000);
        var blockTime = root.WholeNumber("blockTimeSeconds", 1, 3600, 12);

        var optionsReader = root.Mapping("options", required: false);
        var options = optionsReader is null ? null : Options.OptionsSectionParser.Parse(optionsReader, blocks >= 1 ? blocks : 100_000);
        var marketReader = root.Mapping("market");
        var market = marketReader is null ? EmptyMarket : MarketSectionParser.Parse(marketReader, options is not null);
        var protocolReader = root.Mapping("protocol");
        var protocol = protocolReader is null ? new ProtocolSpec([], 0, 0) : ProtocolSectionParser.Parse(protocolReader, options is not null);
        var populationReader = root.Mapping("population", required: options is null);
        if (options is not null && populationReader is not null)
        {
            root.Errors.Add(populationReader.Node, "population", "expected no population in an options scenario (its writers are options.writers), found a population section");
        }

        var population = populationReader is null
            ? new PopulationSpec(0, new LogNormalSizeSpec(0, 0, 0, 0), new BetaLeverageSpec(1, 1), [])
            : PopulationSectionParser.Parse(populationReader, baseDirectory);
        var agentsReader = root.Mapping("agents");
        var agents = agentsReader is null
            ? new AgentsSpec([], new ArbitrageurSpec(false, 0), new KeeperSpec(false, []), [])
            : AgentsSectionParser.Parse(agentsReader, market.ArbitrageCapitalPerBlock);
        var oracleReader = root.Mapping("oracle");
        var oracle = oracleReader is null ? new OracleSpec(OracleMode.Exogenous, 0, 0, 0) : OracleSectionParser.Parse(oracleReader);
        if (oracleReader is not null)
        {
            OracleRules.Check(oracle, oracleReader, protocol, blockTime, options is not null);
        }

        if (populationReader is not null)
        {
            WorldChecks.ImportedPositionsFit(protocol, population, market, populationReader, root.Errors);
        }

        if (oracleReader is not null && agentsReader is not null)
        {
            WorldChecks.OracleSeesThePricePath(oracle, agents, oracleReader, root.Errors);
        }

        var pathReader = root.Mapping("pricePath");
        // An invalid block count is already reported; checking block numbers against it would only add noise.
        var blockLimit = blocks >= 1 ? blocks : 100_000;
        var pricePath = pathReader is null ? new StepPathSpec(0, 0) : PricePathSectionParser.Parse(pathReader, blockLimit, baseDirectory);
        var gas = root.Mapping("gas", required: false) is { } gasReader ? GasSectionParser.Parse(gasReader, blockLimit) : null;
        root.RejectUnknownFields();

        return new Scenario(name, description, seed, runs, blocks, blockTime, market, protocol, population, agents, oracle, pricePath, sourcePath, "") { Options = options, Gas = gas };
    }

    private static MarketSpec EmptyMarket { get; } =
        new(new AssetSpec("", 0), new AssetSpec("", 0), double.NaN, new PairReserves(double.NaN, double.NaN), double.NaN, double.NaN);
}
