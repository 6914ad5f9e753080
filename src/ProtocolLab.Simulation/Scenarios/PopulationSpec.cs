namespace ProtocolLab.Simulation.Scenarios;

/// <summary>Collateral size per borrower, in whole collateral tokens, clamped to [Min, Max].</summary>
public abstract record SizeDistributionSpec(double Min, double Max);

/// <summary>Pareto type I: P(X &gt; x) = (Scale / x)^Alpha for x &gt;= Scale.</summary>
public sealed record ParetoSizeSpec(double Alpha, double Scale, double Min, double Max) : SizeDistributionSpec(Min, Max);

/// <summary>exp(N(Mu, Sigma^2)).</summary>
public sealed record LogNormalSizeSpec(double Mu, double Sigma, double Min, double Max) : SizeDistributionSpec(Min, Max);

/// <summary>Leverage as a fraction of the design's initial LTV (1 = borrowed to the limit).</summary>
public abstract record LeverageDistributionSpec;

public sealed record BetaLeverageSpec(double Alpha, double Beta) : LeverageDistributionSpec;

public sealed record TruncatedNormalLeverageSpec(double Mean, double Stdev, double Min, double Max) : LeverageDistributionSpec;

/// <summary>What a borrower does when its health factor falls below a threshold.</summary>
public abstract record BehaviourSpec(double Share);

/// <summary>Does nothing; waits to be liquidated.</summary>
public sealed record PassiveBehaviourSpec(double Share) : BehaviourSpec(Share);

/// <summary>Each block below <see cref="HealthThreshold"/>, with <see cref="Probability"/>, adds collateral up to <see cref="TargetHealth"/>.</summary>
public sealed record TopUpBehaviourSpec(double Share, double Probability, double HealthThreshold, double TargetHealth) : BehaviourSpec(Share);

/// <summary>Below <see cref="HealthThreshold"/>, sells collateral into the pair and repays debt up to <see cref="TargetHealth"/>.</summary>
public sealed record DeleverageBehaviourSpec(double Share, double HealthThreshold, double TargetHealth) : BehaviourSpec(Share);

/// <summary>Opening prices uniform in [Min, Max] x the initial price.</summary>
public sealed record OpeningPriceSpec(double Min, double Max);

public sealed record PopulationSpec(
    int Borrowers,
    SizeDistributionSpec Size,
    LeverageDistributionSpec Leverage,
    IReadOnlyList<BehaviourSpec> Behaviours)
{
    /// <summary>
    /// False (the default): every run draws its own population, so runs sample position sizes and
    /// leverage too, not only the path and the agents. True keeps run 0's population for every run.
    /// Designs always share a run's population, so their differences are paired.
    /// </summary>
    public bool SameForEveryRun { get; init; }

    /// <summary>
    /// The price each position was opened at, as a multiple of the initial price (uniform in
    /// [Min, Max], in steps of 1%); null = every position opened at the initial price. Above 1 the
    /// price has fallen since: the position starts closer to its threshold than its initial LTV allows.
    /// </summary>
    public OpeningPriceSpec? OpeningPrice { get; init; }

    /// <summary>
    /// Real positions from a CSV file (population.positions) instead of drawn ones: every run opens
    /// exactly these, in file order (borrower i = row i); only the behaviours are drawn. Null = drawn.
    /// </summary>
    public IReadOnlyList<ImportedPosition>? Imported { get; init; }

    /// <summary>The positions file's bytes as read, for the scenario hash; null without one.</summary>
    public byte[]? ImportedFileBytes { get; init; }

    /// <summary>The random stream run <paramref name="run"/> draws its population from.</summary>
    public int StreamRun(int run) => SameForEveryRun ? 0 : run;
}
