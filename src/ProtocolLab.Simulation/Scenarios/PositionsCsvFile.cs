using System.Globalization;

namespace ProtocolLab.Simulation.Scenarios;

/// <summary>
/// One real position to open (population.positions): whole units, the price it was opened at if known
/// (loan per collateral), and the line of the file it came from, for errors that name it.
/// </summary>
public sealed record ImportedPosition(double Collateral, double Debt, double? OpeningPrice, int Line);

/// <summary>
/// Parses a positions CSV: a header naming the columns <c>collateral</c> and <c>debt</c> (whole tokens)
/// and optionally <c>openingPrice</c> (loan per collateral; a cell may be empty: unknown), in any order;
/// then one row per position.
/// Blank lines and lines starting with '#' are skipped. Every error names its line and what was
/// expected (never the line's text).
/// </summary>
internal static class PositionsCsvFile
{
    public const int MaxPositions = 100_000;

    private static readonly string[] Columns = ["collateral", "debt", "openingPrice"];

    public static IReadOnlyList<ImportedPosition> Parse(string text, string displayPath, List<string> errors)
    {
        var positions = new List<ImportedPosition>();
        Dictionary<string, int>? header = null;
        var lines = text.Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            var at = $"{displayPath}:{i + 1}";
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            var fields = line.Split(',').Select(f => f.Trim()).ToArray();
            if (header is null)
            {
                var before = errors.Count;
                header = ReadHeader(fields, at, errors);
                if (errors.Count > before)
                    return positions;
                continue;
            }
            if (fields.Length != header.Count)
            {
                errors.Add($"{at}: expected {header.Count} fields ({string.Join(',', header.Keys)}), found {fields.Length}");
                continue;
            }
            if (positions.Count == MaxPositions)
            {
                errors.Add($"{at}: expected at most {MaxPositions:N0} positions");
                break;
            }
            var collateral = Number(fields, header, "collateral", at, errors, positive: true);
            var debt = Number(fields, header, "debt", at, errors, positive: false);
            // An empty opening price is unknown: the position opens where the design lends its debt.
            var openingKnown = header.TryGetValue("openingPrice", out var openingAt) && fields[openingAt].Length > 0;
            var opening = openingKnown ? Number(fields, header, "openingPrice", at, errors, positive: true) : null;
            if (collateral is { } c && debt is { } d && (!openingKnown || opening is not null))
                positions.Add(new ImportedPosition(c, d, opening, i + 1));
        }
        if (header is null)
            errors.Add($"{displayPath}:1: expected a header line naming the columns collateral,debt[,openingPrice]");
        else if (positions.Count == 0 && errors.Count == 0)
            errors.Add($"{displayPath}: expected at least one position after the header");
        return positions;
    }

    private static Dictionary<string, int> ReadHeader(string[] fields, string at, List<string> errors)
    {
        var header = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < fields.Length; i++)
        {
            if (!Columns.Contains(fields[i], StringComparer.Ordinal))
                errors.Add($"{at}: expected columns from {string.Join(", ", Columns)}, found a column '{fields[i]}'");
            else if (!header.TryAdd(fields[i], i))
                errors.Add($"{at}: expected each column once, found '{fields[i]}' twice");
        }
        foreach (var required in Columns.Take(2).Where(c => !header.ContainsKey(c)))
            errors.Add($"{at}: expected a column '{required}' in the header");
        return header;
    }

    private static double? Number(string[] fields, Dictionary<string, int> header, string column, string at, List<string> errors, bool positive)
    {
        if (!header.TryGetValue(column, out var index))
            return null;
        if (double.TryParse(fields[index], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) && (positive ? value > 0 : value >= 0))
            return value;
        errors.Add($"{at}: {column}: expected a {(positive ? "positive" : "non-negative")} number of whole {(column == "openingPrice" ? "loan units per collateral unit" : "tokens")}");
        return null;
    }
}
