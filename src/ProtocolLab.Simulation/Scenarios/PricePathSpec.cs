using ProtocolLab.Simulation.Paths;

namespace ProtocolLab.Simulation.Scenarios;

/// <summary>The fundamental price path, relative to market.initialPrice.</summary>
public abstract record PricePathSpec;

/// <summary>Price is initial until block <see cref="AtBlock"/>, then initial x (1 - Drop).</summary>
public sealed record StepPathSpec(int AtBlock, double Drop) : PricePathSpec;

/// <summary>A point of a piecewise-linear path: at <see cref="Block"/>, price = initial x <see cref="Multiplier"/>.</summary>
public sealed record PathPoint(int Block, double Multiplier);

/// <summary>Linear interpolation between points; flat before the first and after the last.</summary>
public sealed record PiecewisePathSpec(IReadOnlyList<PathPoint> Points) : PricePathSpec;

/// <summary>Geometric Brownian motion, <see cref="Mu"/> and <see cref="Sigma"/> annualized.</summary>
public sealed record GbmPathSpec(double Mu, double Sigma) : PricePathSpec;

/// <summary>
/// Merton jump diffusion: GBM plus Poisson(<see cref="Intensity"/> per year) jumps whose
/// log-size is N(<see cref="JumpMean"/>, <see cref="JumpStdev"/>^2). The drift is compensated
/// so that E[S_t] = S_0 e^(Mu t).
/// </summary>
public sealed record JumpPathSpec(double Mu, double Sigma, double Intensity, double JumpMean, double JumpStdev) : PricePathSpec;

/// <summary>Replay of a (timestamp, price) file; <see cref="FullPath"/> is resolved against the scenario file's folder.</summary>
public sealed record CsvPathSpec(string File, string FullPath, CsvPriceSeries Series) : PricePathSpec;
