using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ProtocolLab.Simulation.Scenarios;

/// <summary>Collects every validation error of one file, in the order found.</summary>
internal sealed class ErrorCollector(string displayPath)
{
    private readonly List<ScenarioError> _errors = [];

    public string DisplayPath { get; } = displayPath;

    public IReadOnlyList<ScenarioError> Errors => _errors;

    public int Count => _errors.Count;

    public void Add(Mark mark, string fieldPath, string message) =>
        _errors.Add(new ScenarioError(DisplayPath, (int)mark.Line, (int)mark.Column, fieldPath, message));

    public void Add(YamlNode node, string fieldPath, string message) => Add(node.Start, fieldPath, message);

    public void Expected(YamlNode node, string fieldPath, string expectation) =>
        Add(node, fieldPath, $"expected {expectation}, found {Describe(node)}");

    /// <summary>How a node reads in an error message: the scalar quoted, or its kind.</summary>
    public static string Describe(YamlNode node) => node switch
    {
        YamlScalarNode { Value: null or "" or "~" or "null" } => "nothing",
        YamlScalarNode scalar => $"\"{scalar.Value}\"",
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        _ => "an alias",
    };
}
