using ProtocolLab.Simulation.Paths;

namespace ProtocolLab.Simulation.Tests.Paths;

public class CsvPriceFileTests
{
    [Fact]
    public void Parse_HeaderCommentsAndBlankLines_ReadsRowsExactly()
    {
        // Given a CSV with CRLF line ends, a comment and a blank line
        var text = "# ETH, March 2020\r\ntimestamp,price\r\n1584000000,194.5\r\n\r\n1584000060,190.25\r\n";

        // When it is parsed
        var series = CsvPriceFile.Parse(text, "eth.csv");

        // Then the rows are read exactly
        Assert.Equal([1584000000L, 1584000060L], series.Timestamps);
        Assert.Equal([194.5, 190.25], series.Prices);
    }

    [Fact]
    public void Parse_SeveralBadRows_ReportsEachWithItsLine()
    {
        // Given a bad header, a bad timestamp, a missing field and a timestamp going back
        var text = "time,price\n100,1\nabc,2\n300\n200,3\n50,4\n";

        // When it is parsed
        var exception = Assert.Throws<CsvPriceFileException>(() => CsvPriceFile.Parse(text, "data/x.csv"));

        // Then every error names the file and line
        Assert.Equal(
            [
                "data/x.csv:1: expected the header \"timestamp,price\" as the first line that is not blank or a comment",
                "data/x.csv:3: expected a whole-second Unix timestamp in the first field",
                "data/x.csv:4: expected 2 fields (timestamp,price), found 1",
                "data/x.csv:6: expected a timestamp after 200, found 50",
            ],
            exception.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Parse_HeaderOnly_IsAnError()
    {
        // Given no data rows
        // When / Then parsing fails saying so
        var exception = Assert.Throws<CsvPriceFileException>(() => CsvPriceFile.Parse("timestamp,price\n", "x.csv"));
        Assert.Contains("expected at least one timestamp,price row", Assert.Single(exception.Errors).Message);
    }

    [Fact]
    public void Parse_FileThatIsNotCsv_NamesLinesAndExpectationsButNoContent()
    {
        // Given a file that is not a price CSV at all (a password file's lines)
        var text = "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin\n";

        // When it is parsed
        var exception = Assert.Throws<CsvPriceFileException>(() => CsvPriceFile.Parse(text, "passwd"));

        // Then the errors name the line and what was expected, never what the file holds
        Assert.StartsWith("passwd:1: expected the header \"timestamp,price\"", exception.Errors[0].ToString());
        Assert.All(exception.Errors, e => Assert.DoesNotContain("root", e.Message));
        Assert.All(exception.Errors, e => Assert.DoesNotContain("daemon", e.Message));
        Assert.DoesNotContain("root", exception.Message);
    }
}
