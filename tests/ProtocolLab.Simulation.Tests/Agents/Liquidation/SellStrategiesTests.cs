using System.Numerics;
using ProtocolLab.Simulation.Agents.Liquidation;
using ProtocolLab.Simulation.Scenarios;

namespace ProtocolLab.Simulation.Tests.Agents.Liquidation;

public class SellStrategiesTests
{
    [Fact]
    public void AmountToSell_DumpAndHold_SellAllOrNothing()
    {
        // Given an inventory of 100
        var inventory = new Inventory(100, 3);

        // When / Then dump sells 100 and hold 0
        Assert.Equal(new BigInteger(100), new DumpStrategy().AmountToSell(inventory, 3));
        Assert.Equal(BigInteger.Zero, new HoldStrategy().AmountToSell(inventory, 3));
    }

    [Theory]
    [InlineData(100, new[] { 25, 25, 25, 25 })]
    [InlineData(10, new[] { 3, 3, 2, 2 })]
    public void AmountToSell_TwapOverFourBlocks_SellsEvenSlicesAndFinishesOnTime(int seized, int[] expected)
    {
        // Given a lot seized at block 10 and a 4-block TWAP
        var strategy = new TwapStrategy(4);
        var remaining = new BigInteger(seized);
        var sales = new List<int>();

        // When the bot sells block after block
        for (var block = 10; block < 15; block++)
        {
            var sale = strategy.AmountToSell(new Inventory(remaining, 10), block);
            remaining -= sale;
            sales.Add((int)sale);
        }

        // Then it sells ceil(left / blocks left) each block, everything by block 13, nothing after
        Assert.Equal(expected.Append(0), sales);
        Assert.Equal(BigInteger.Zero, remaining);
    }

    [Fact]
    public void FromSpec_EachKind_BuildsTheMatchingStrategy()
    {
        // Given the three specs
        // When / Then each maps to its strategy
        Assert.IsType<DumpStrategy>(SellStrategies.FromSpec(new DumpSellSpec()));
        Assert.IsType<HoldStrategy>(SellStrategies.FromSpec(new HoldSellSpec()));
        Assert.Equal(6, Assert.IsType<TwapStrategy>(SellStrategies.FromSpec(new TwapSellSpec(6))).Blocks);
    }
}
