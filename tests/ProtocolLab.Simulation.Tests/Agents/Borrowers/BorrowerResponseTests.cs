using System.Numerics;
using ProtocolLab.Simulation.Agents;
using ProtocolLab.Simulation.Agents.Borrowers;
using ProtocolLab.Simulation.Agents.Liquidation;
using ProtocolLab.Simulation.Randomness;
using ProtocolLab.Simulation.Scenarios;

namespace ProtocolLab.Simulation.Tests.Agents.Borrowers;

public class BorrowerResponseTests
{
    private const double Threshold = 0.8;
    private const double Price = 1900;
    private static readonly MarketUnits Units = new(18, 6);

    // 10 WETH against 16,000 USDC at 1900: HF = 19,000 x 0.8 / 16,000 = 0.95.
    private static readonly PositionSnapshot Position = new(0, 10 * BigInteger.Pow(10, 18), 16_000_000_000, 0.95);

    [Fact]
    public void Respond_TopUpBelowThreshold_AddsCollateralToReachTargetHealth()
    {
        // Given a borrower who always tops up to HF 1.3 below 1.05
        var borrower = Borrower(new TopUpBehaviourSpec(1, 1.0, 1.05, 1.3));

        // When it responds
        var action = Assert.IsType<TopUpAction>(Respond(borrower, Position));

        // Then the new health factor, computed independently, is 1.3
        var collateral = Units.CollateralWhole(Position.Collateral + action.CollateralToAdd);
        Assert.Equal(1.3, collateral * Price * Threshold / 16_000, 6);
    }

    [Fact]
    public void Respond_TopUpWithProbabilityZeroOrHealthy_DoesNothing()
    {
        // Given a borrower who never acts, and one who would but is healthy
        var never = Borrower(new TopUpBehaviourSpec(1, 0.0, 1.05, 1.3));
        var healthy = Borrower(new TopUpBehaviourSpec(1, 1.0, 0.9, 1.3));

        // When / Then neither acts
        Assert.IsType<NoAction>(Respond(never, Position));
        Assert.IsType<NoAction>(Respond(healthy, Position));
    }

    [Fact]
    public void Respond_TopUpWithProbabilityOneHalf_ActsAboutHalfTheTime()
    {
        // Given a coin-flipping borrower
        var borrower = Borrower(new TopUpBehaviourSpec(1, 0.5, 1.05, 1.3));
        var random = SeededRandom.FromSeed(8);

        // When it responds 10,000 times
        var acted = Enumerable.Range(0, 10_000).Count(_ => BorrowerResponse.Respond(borrower, Position, Threshold, Price, Units, random) is TopUpAction);

        // Then it acted 5,000 times within 4 binomial standard deviations (200)
        Assert.InRange(acted, 4800, 5200);
    }

    [Fact]
    public void Respond_DeleverageBelowThreshold_SellsToReachTargetHealth()
    {
        // Given a borrower who deleverages to HF 1.4 below 1.1
        var borrower = Borrower(new DeleverageBehaviourSpec(1, 1.1, 1.4));

        // When it responds
        var action = Assert.IsType<DeleverageAction>(Respond(borrower, Position));

        // Then it sells (1.4 x 16,000 - 19,000 x 0.8) / (1.4 - 0.8) = 12,000 USDC worth, 6.3158 WETH,
        // which leaves 7,000 of collateral for 4,000 of debt: HF 1.4
        var sold = Units.CollateralWhole(action.CollateralToSell);
        Assert.Equal(12_000 / Price, sold, 9);
        var health = (10 - sold) * Price * Threshold / (16_000 - (sold * Price));
        Assert.Equal(1.4, health, 6);
    }

    [Fact]
    public void Respond_Passive_DoesNothing()
    {
        // Given a passive borrower deep under water
        // When / Then it waits to be liquidated
        Assert.IsType<NoAction>(Respond(Borrower(new PassiveBehaviourSpec(1)), Position with { HealthFactor = 0.5 }));
    }

    private static Borrower Borrower(BehaviourSpec behaviour) => new(0, Position.Collateral, 0.8, behaviour);

    private static BorrowerAction Respond(Borrower borrower, PositionSnapshot position) =>
        BorrowerResponse.Respond(borrower, position, Threshold, Price, Units, SeededRandom.FromSeed(1));
}
