namespace ProtocolLab.Simulation.Scenarios;

/// <summary>Suggests the closest known name for a misspelt one (edit distance, case-insensitive).</summary>
internal static class DidYouMean
{
    public static string? Suggest(string found, IEnumerable<string> known)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in known)
        {
            var distance = Distance(found.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        var tolerated = Math.Max(2, found.Length / 3);
        return bestDistance <= tolerated ? best : null;
    }

    public static string Hint(string found, IEnumerable<string> known) =>
        Suggest(found, known) is { } suggestion ? $" (did you mean \"{suggestion}\"?)" : "";

    /// <summary>Levenshtein distance, two-row dynamic programming.</summary>
    internal static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
