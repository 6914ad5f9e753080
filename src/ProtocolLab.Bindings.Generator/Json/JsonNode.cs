using System.Collections.Generic;

namespace ProtocolLab.Bindings.Generator.Json;

/// <summary>
/// A parsed JSON value. <see cref="Start"/> and <see cref="End"/> delimit its text in the source,
/// so a member (the ABI) can be copied out exactly as written.
/// </summary>
internal abstract class JsonNode
{
    protected JsonNode(int start, int end)
    {
        Start = start;
        End = end;
    }

    public int Start { get; }

    public int End { get; }
}

internal sealed class JsonObject : JsonNode
{
    private readonly Dictionary<string, JsonNode> _members;

    public JsonObject(Dictionary<string, JsonNode> members, int start, int end)
        : base(start, end) => _members = members;

    public IReadOnlyDictionary<string, JsonNode> Members => _members;

    public JsonNode? Get(string name) => _members.TryGetValue(name, out var value) ? value : null;

    /// <summary>The member's string value, or null when it is missing or not a string.</summary>
    public string? GetString(string name) => (Get(name) as JsonString)?.Value;

    public bool GetBool(string name) => Get(name) is JsonBool { Value: true };
}

internal sealed class JsonArray : JsonNode
{
    public JsonArray(IReadOnlyList<JsonNode> items, int start, int end)
        : base(start, end) => Items = items;

    public IReadOnlyList<JsonNode> Items { get; }
}

internal sealed class JsonString : JsonNode
{
    public JsonString(string value, int start, int end)
        : base(start, end) => Value = value;

    public string Value { get; }
}

/// <summary>A number kept as its source text: the generator never does arithmetic on one.</summary>
internal sealed class JsonNumber : JsonNode
{
    public JsonNumber(string text, int start, int end)
        : base(start, end) => Text = text;

    public string Text { get; }
}

internal sealed class JsonBool : JsonNode
{
    public JsonBool(bool value, int start, int end)
        : base(start, end) => Value = value;

    public bool Value { get; }
}

internal sealed class JsonNull : JsonNode
{
    public JsonNull(int start, int end)
        : base(start, end)
    {
    }
}
