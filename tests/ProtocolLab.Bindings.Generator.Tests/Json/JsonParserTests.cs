using ProtocolLab.Bindings.Generator.Json;

namespace ProtocolLab.Bindings.Generator.Tests.Json;

public sealed class JsonParserTests
{
    [Fact]
    public void Parse_NestedDocument_ReadsEveryKindOfValue()
    {
        // Given a document with objects, arrays, strings, numbers and literals
        const string Text = """ { "a": [1, -2.5e+3, 0], "b": { "c": true, "d": false, "e": null }, "f": "x" } """;

        // When it is parsed
        var root = Assert.IsType<JsonObject>(JsonParser.Parse(Text));

        // Then each value has its kind and content
        var array = Assert.IsType<JsonArray>(root.Get("a"));
        Assert.Equal(["1", "-2.5e+3", "0"], array.Items.Select(i => Assert.IsType<JsonNumber>(i).Text));
        var inner = Assert.IsType<JsonObject>(root.Get("b"));
        Assert.True(inner.GetBool("c"));
        Assert.IsType<JsonBool>(inner.Get("d"));
        Assert.IsType<JsonNull>(inner.Get("e"));
        Assert.Equal("x", root.GetString("f"));
    }

    [Fact]
    public void Parse_StringEscapes_AreDecoded()
    {
        // Given every escape JSON has, a surrogate pair included
        const string Text = """ "q\" b\\ s\/ \b\f\n\r\t \u00e9 \ud83d\ude00" """;

        // When it is parsed
        var value = Assert.IsType<JsonString>(JsonParser.Parse(Text)).Value;

        // Then the characters are the ones escaped
        Assert.Equal("q\" b\\ s/ \b\f\n\r\t \u00e9 \U0001F600", value);
    }

    [Fact]
    public void Parse_Member_KnowsItsSourceSpan()
    {
        // Given an object with an array member
        const string Text = """{"abi": [ {"x": 1} ], "y": 2}""";

        // When it is parsed
        var abi = ((JsonObject)JsonParser.Parse(Text)).Get("abi")!;

        // Then the span covers the member's text exactly, so it can be copied out verbatim
        Assert.Equal("""[ {"x": 1} ]""", Text.Substring(abi.Start, abi.End - abi.Start));
    }

    [Theory]
    [InlineData("{", "end of input")]
    [InlineData("[1,]", "unexpected character ']'")]
    [InlineData("{\"a\" 1}", "expected ':'")]
    [InlineData("{\"a\": 1,}", "property name")]
    [InlineData("01", "unexpected text")]
    [InlineData("1.", "decimal point")]
    [InlineData("\"\\x\"", "invalid escape")]
    [InlineData("\"\\u12\"", "\\u escape")]
    [InlineData("\"a\nb\"", "control character")]
    [InlineData("\"open", "unterminated string")]
    [InlineData("tru", "unexpected character")]
    [InlineData("{} {}", "unexpected text")]
    [InlineData("", "end of input")]
    public void Parse_MalformedText_ThrowsWithReason(string text, string reason)
    {
        // Given text that is not one JSON value
        // When it is parsed
        var error = Assert.Throws<JsonException>(() => JsonParser.Parse(text));

        // Then the error says why
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DeepNesting_ThrowsInsteadOfOverflowingTheStack()
    {
        // Given arrays nested far deeper than any ABI
        var text = new string('[', 100_000) + new string(']', 100_000);

        // When it is parsed
        var error = Assert.Throws<JsonException>(() => JsonParser.Parse(text));

        // Then it is rejected as malformed
        Assert.Contains("nesting", error.Message, StringComparison.Ordinal);
    }
}
