namespace ProtocolLab.Cli.Check;

/// <summary>Where something is in a budget file, printed as <c>file:line:col</c>.</summary>
internal sealed record BudgetSource(string File, int Line, int Column)
{
    public override string ToString() => $"{File}:{Line}:{Column}";
}

/// <summary>
/// One entry of a budget file: a limit on one statistic of one metric, for one design (or every
/// design, "*") of one scenario (or every scenario, when <see cref="Scenario"/> is null).
/// <see cref="Min"/> and <see cref="Max"/> are inclusive; at least one is set.
/// </summary>
internal sealed record Budget(
    int Index,
    string? Scenario,
    string Design,
    string Metric,
    BudgetStatistic Statistic,
    double? Min,
    double? Max,
    BudgetSource Source,
    BudgetSource ScenarioSource,
    BudgetSource DesignSource)
{
    public const string AnyDesign = "*";

    public bool AppliesTo(string scenario) => Scenario is null || Scenario == scenario;

    public bool AppliesTo(string scenario, string design) => AppliesTo(scenario) && (Design == AnyDesign || Design == design);

    /// <summary>The field path of this entry in error messages, e.g. <c>budgets[2].metric</c>.</summary>
    public string Field(string key) => BudgetFileParser.FieldPath(Index, key);

    /// <summary>The limit as read aloud: "&lt;= 15", "&gt;= 0" or "in [0, 15]".</summary>
    public string Limit => (Min, Max) switch
    {
        ({ } min, { } max) => $"in [{BudgetNumber.Format(min)}, {BudgetNumber.Format(max)}]",
        (null, { } max) => $"<= {BudgetNumber.Format(max)}",
        ({ } min, null) => $">= {BudgetNumber.Format(min)}",
        _ => "unbounded",
    };
}

/// <summary>Every validation problem of a budget file, not only the first.</summary>
internal sealed class BudgetFileException(IReadOnlyList<BudgetError> errors)
    : Chain.UserInputException($"The budget file is invalid ({errors.Count} error{(errors.Count == 1 ? "" : "s")})")
{
    public IReadOnlyList<BudgetError> Errors { get; } = errors;
}

/// <summary>One problem in a budget file, printed as <c>file:line:col: field.path: message</c>.</summary>
internal sealed record BudgetError(BudgetSource Source, string FieldPath, string Message)
{
    public override string ToString() => $"{Source}: {FieldPath}: {Message}";
}
