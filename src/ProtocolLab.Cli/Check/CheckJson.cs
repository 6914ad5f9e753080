using System.Text;
using System.Text.Json;
using ProtocolLab.Simulation.Results;

namespace ProtocolLab.Cli.Check;

/// <summary>`check --json`: every check with its value, limits, status and the run to replay.</summary>
internal static class CheckJson
{
    public static void Write(TextWriter output, string budgetFile, IReadOnlyList<(CheckedScenario Scenario, IReadOnlyList<BudgetCheck> Checks)> scenarios, int exitCode)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, ResultFormat.Indented))
        {
            w.WriteStartObject();
            w.WriteString("budgets", budgetFile);
            w.WriteNumber("exitCode", exitCode);
            w.WriteBoolean("passed", exitCode == Commands.ExitCodes.Ok);
            w.WriteStartArray("scenarios");
            foreach (var (scenario, checks) in scenarios)
            {
                w.WriteStartObject();
                w.WriteString("name", scenario.Name);
                w.WriteString("file", scenario.Path);
                w.WriteString("seed", scenario.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture));
                if (scenario.RunError is { } error)
                    w.WriteString("runError", error);
                w.WriteStartArray("checks");
                foreach (var check in checks)
                    WriteCheck(w, check);
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        output.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static void WriteCheck(Utf8JsonWriter w, BudgetCheck check)
    {
        w.WriteStartObject();
        w.WriteString("status", check.Status.ToString().ToLowerInvariant());
        w.WriteString("design", check.Design);
        w.WriteString("metric", check.Budget.Metric);
        w.WriteString("statistic", check.Budget.Statistic.Name());
        WriteNumber(w, "value", check.Value);
        WriteNumber(w, "min", check.Budget.Min);
        WriteNumber(w, "max", check.Budget.Max);
        w.WriteNumber("n", check.Count);
        w.WriteNumber("runs", check.Runs);
        if (check.WorstRun is { } run)
            w.WriteNumber("worstRun", run);
        else
            w.WriteNull("worstRun");
        WriteNumber(w, "worstValue", check.WorstValue);
        w.WriteString("budget", check.Budget.Source.ToString());
        w.WriteString("message", check.Message);
        w.WriteEndObject();
    }

    private static void WriteNumber(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v))
            w.WriteNumber(name, v);
        else
            w.WriteNull(name);
    }
}
