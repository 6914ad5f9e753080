using ProtocolLab.Simulation.Scenarios;

namespace ProtocolLab.Simulation.Tests.Scenarios;

public class ScenarioCsvPathTests
{
    [Fact]
    public void Parse_CsvPathWithMissingFile_IsAnError()
    {
        // Given a csv path whose file does not exist
        var directory = Directory.CreateTempSubdirectory("protocollab-").FullName;
        var yaml = ScenarioYaml.With("  kind: step\n  at: 3\n  drop: 0.3", "  kind: csv\n  file: nowhere.csv");

        // When it is loaded
        var error = Assert.Single(ScenarioYaml.Errors(yaml, directory));

        // Then the resolved path is named
        Assert.Contains("pricePath.file: expected an existing CSV file, found no file at", error);
    }

    [Fact]
    public void Parse_CsvPathWithBadRow_NamesCsvFileAndLine()
    {
        // Given a CSV whose third line has a negative price
        var directory = Directory.CreateTempSubdirectory("protocollab-").FullName;
        File.WriteAllText(Path.Combine(directory, "eth.csv"), "timestamp,price\n100,2000\n112,-1\n");
        var yaml = ScenarioYaml.With("  kind: step\n  at: 3\n  drop: 0.3", "  kind: csv\n  file: eth.csv");

        // When it is loaded
        var error = Assert.Single(ScenarioYaml.Errors(yaml, directory));

        // Then both the scenario position and the CSV line are named
        Assert.Contains("pricePath.file: eth.csv:3: expected a positive price in the second field", error);
    }

    [Fact]
    public void Parse_ValidCsvPath_LoadsTheSeriesAndHashesIt()
    {
        // Given a valid CSV next to the scenario, then the same scenario with a changed CSV
        var directory = Directory.CreateTempSubdirectory("protocollab-").FullName;
        var csv = Path.Combine(directory, "eth.csv");
        var yaml = ScenarioYaml.With("  kind: step\n  at: 3\n  drop: 0.3", "  kind: csv\n  file: eth.csv");
        File.WriteAllText(csv, "timestamp,price\n100,2000\n112,1900\n");
        var first = ScenarioYaml.Load(yaml, directory);
        File.WriteAllText(csv, "timestamp,price\n100,2000\n112,1800\n");

        // When the scenario is loaded again
        var second = ScenarioYaml.Load(yaml, directory);

        // Then the series is read and the hash covers the CSV content
        Assert.Equal([100L, 112L], Assert.IsType<CsvPathSpec>(first.PricePath).Series.Timestamps);
        Assert.NotEqual(first.Hash, second.Hash);
    }

    [Fact]
    public void Parse_CsvPathOutsideScenarioFolder_IsRefusedWithoutEchoingIt()
    {
        // Given a secret file one folder above the scenario's, named by a relative path
        var parent = Directory.CreateTempSubdirectory("protocollab-").FullName;
        var directory = Directory.CreateDirectory(Path.Combine(parent, "scenarios")).FullName;
        File.WriteAllText(Path.Combine(parent, "passwd"), "root:x:0:0:root:/root:/bin/bash\n");
        var yaml = ScenarioYaml.With("  kind: step\n  at: 3\n  drop: 0.3", "  kind: csv\n  file: ../passwd");

        // When it is loaded
        var error = Assert.Single(ScenarioYaml.Errors(yaml, directory));

        // Then it is refused as outside the scenario's folder, and nothing of it is shown
        Assert.Contains("pricePath.file: expected a CSV file inside the scenario's folder", error);
        Assert.DoesNotContain("root:", error);
    }
}
