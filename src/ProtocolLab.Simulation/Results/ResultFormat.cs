using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ProtocolLab.Simulation.Results;

/// <summary>
/// The one number and JSON format of every results file, so the same inputs give the same
/// bytes on every machine: doubles as the shortest round-trip invariant text ("R": 0.1 stays
/// 0.1, 1e21 is written 1E+21), NaN and infinities as JSON null (empty in CSV), LF line ends.
/// </summary>
public static class ResultFormat
{
    public static JsonWriterOptions Compact { get; } = new()
    {
        Indented = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static JsonWriterOptions Indented { get; } = new()
    {
        Indented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The text of a number, or null when it is not finite.</summary>
    public static string? Number(double value) =>
        double.IsFinite(value) ? value.ToString("R", CultureInfo.InvariantCulture) : null;

    public static void WriteDouble(this Utf8JsonWriter writer, string name, double value)
    {
        writer.WritePropertyName(name);
        writer.WriteNumberOrNull(value);
    }

    public static void WriteDouble(this Utf8JsonWriter writer, string name, double? value)
    {
        writer.WritePropertyName(name);
        writer.WriteNumberOrNull(value ?? double.NaN);
    }

    public static void WriteNumberOrNull(this Utf8JsonWriter writer, double value)
    {
        if (Number(value) is { } text)
        {
            writer.WriteRawValue(text, skipInputValidation: true);
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    public static void WriteInteger(this Utf8JsonWriter writer, string name, long? value)
    {
        if (value is { } v)
        {
            writer.WriteNumber(name, v);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
