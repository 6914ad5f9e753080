using ProtocolLab.Simulation.Scenarios;

namespace ProtocolLab.Simulation.Paths;

/// <summary>
/// Linear interpolation of initial x multiplier between points (blocks strictly increasing);
/// flat at the first multiplier before the first point and at the last after the last.
/// </summary>
public sealed class PiecewiseLinearPath : IPricePath
{
    private readonly double _initialPrice;
    private readonly IReadOnlyList<PathPoint> _points;

    public PiecewiseLinearPath(double initialPrice, int blocks, IReadOnlyList<PathPoint> points)
    {
        if (points.Count == 0)
        {
            throw new ArgumentException("A piecewise path needs at least one point.", nameof(points));
        }

        for (var i = 1; i < points.Count; i++)
        {
            if (points[i].Block <= points[i - 1].Block)
            {
                throw new ArgumentException("Point blocks must strictly increase.", nameof(points));
            }
        }

        _initialPrice = initialPrice;
        _points = points;
        Blocks = blocks;
    }

    public int Blocks { get; }

    public double PriceAt(int block)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(block);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(block, Blocks);
        if (block <= _points[0].Block)
        {
            return _initialPrice * _points[0].Multiplier;
        }

        for (var i = 1; i < _points.Count; i++)
        {
            var (left, right) = (_points[i - 1], _points[i]);
            if (block <= right.Block)
            {
                var weight = (double)(block - left.Block) / (right.Block - left.Block);
                return _initialPrice * (left.Multiplier + (weight * (right.Multiplier - left.Multiplier)));
            }
        }

        return _initialPrice * _points[^1].Multiplier;
    }
}
