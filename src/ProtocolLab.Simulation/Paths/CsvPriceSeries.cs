using System.Globalization;
using ProtocolLab.Chain;

namespace ProtocolLab.Simulation.Paths;

/// <summary>A (timestamp, price) series read from a CSV file; timestamps strictly increase.</summary>
public sealed record CsvPriceSeries(IReadOnlyList<long> Timestamps, IReadOnlyList<double> Prices);

/// <summary>One problem in a price CSV, printed as <c>file:line: message</c>.</summary>
public sealed record CsvPriceError(string File, int Line, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Message}";
}

public sealed class CsvPriceFileException(IReadOnlyList<CsvPriceError> errors)
    : UserInputException("Invalid price CSV:" + Environment.NewLine + string.Join(Environment.NewLine, errors))
{
    public IReadOnlyList<CsvPriceError> Errors { get; } = errors;
}

/// <summary>
/// Parses <c>timestamp,price</c> CSV: a header line <c>timestamp,price</c>, then one row per
/// observation with a whole-second Unix timestamp and a positive price. Blank lines and lines
/// starting with '#' are skipped. All errors are collected, each naming its line and what was
/// expected: never the line's text, since a mistyped path may name a file that is not meant to be shown.
/// </summary>
public static class CsvPriceFile
{
    public static CsvPriceSeries Load(string path, string displayPath) =>
        Parse(File.ReadAllText(path), displayPath);

    public static CsvPriceSeries Parse(string text, string displayPath)
    {
        var errors = new List<CsvPriceError>();
        var timestamps = new List<long>();
        var prices = new List<double>();
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var sawHeader = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var lineNumber = i + 1;
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (!sawHeader)
            {
                sawHeader = true;
                if (!string.Equals(line.Replace(" ", ""), "timestamp,price", StringComparison.OrdinalIgnoreCase))
                {
                    errors.Add(new(displayPath, lineNumber, "expected the header \"timestamp,price\" as the first line that is not blank or a comment"));
                }

                continue;
            }

            var fields = line.Split(',');
            if (fields.Length != 2)
            {
                errors.Add(new(displayPath, lineNumber, $"expected 2 fields (timestamp,price), found {fields.Length}"));
                continue;
            }

            if (!long.TryParse(fields[0].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var timestamp))
            {
                errors.Add(new(displayPath, lineNumber, "expected a whole-second Unix timestamp in the first field"));
                continue;
            }

            if (!double.TryParse(fields[1].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var price)
                || !double.IsFinite(price) || price <= 0)
            {
                errors.Add(new(displayPath, lineNumber, "expected a positive price in the second field"));
                continue;
            }

            if (timestamps.Count > 0 && timestamp <= timestamps[^1])
            {
                errors.Add(new(displayPath, lineNumber, $"expected a timestamp after {timestamps[^1]}, found {timestamp}"));
                continue;
            }

            timestamps.Add(timestamp);
            prices.Add(price);
        }

        if (errors.Count == 0 && timestamps.Count == 0)
        {
            errors.Add(new(displayPath, Math.Max(1, lines.Length), "expected at least one timestamp,price row, found none"));
        }

        if (errors.Count > 0)
        {
            throw new CsvPriceFileException(errors);
        }

        return new CsvPriceSeries(timestamps, prices);
    }
}
