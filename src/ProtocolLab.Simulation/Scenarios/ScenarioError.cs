using ProtocolLab.Chain;

namespace ProtocolLab.Simulation.Scenarios;

/// <summary>One problem in a scenario file, printed as <c>file:line:col: field.path: message</c>.</summary>
public sealed record ScenarioError(string File, int Line, int Column, string FieldPath, string Message)
{
    public override string ToString() => $"{File}:{Line}:{Column}: {FieldPath}: {Message}";
}

/// <summary>Thrown when a scenario file is invalid; carries every error found, not only the first.</summary>
public sealed class ScenarioLoadException : UserInputException
{
    public ScenarioLoadException(IReadOnlyList<ScenarioError> errors)
        : base(FormatMessage(errors))
    {
        Errors = errors;
    }

    public IReadOnlyList<ScenarioError> Errors { get; }

    private static string FormatMessage(IReadOnlyList<ScenarioError> errors) =>
        $"The scenario is invalid ({errors.Count} error{(errors.Count == 1 ? "" : "s")}):{Environment.NewLine}"
        + string.Join(Environment.NewLine, errors);
}
