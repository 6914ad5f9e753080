using ProtocolLab.Simulation.Scenarios;

namespace ProtocolLab.Simulation.Tests.Scenarios;

public class DidYouMeanTests
{
    [Theory]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("", "abc", 3)]
    [InlineData("pairDepth", "pairDepth", 0)]
    public void Distance_ClassicPairs_IsLevenshteinDistance(string a, string b, int expected)
    {
        // Given two words (kitten/sitting is the textbook example)
        // When / Then the edit distance is the textbook one
        Assert.Equal(expected, DidYouMean.Distance(a, b));
    }

    [Fact]
    public void Suggest_FarFromEverything_SuggestsNothing()
    {
        // Given a word unlike any known field
        // When / Then no suggestion is made rather than a misleading one
        Assert.Null(DidYouMean.Suggest("zzzzzz", ["initialPrice", "pairDepth"]));
        Assert.Equal("initialLtv", DidYouMean.Suggest("InitialLTV", ["initialLtv", "bonus"]));
    }
}
