using System.Numerics;
using ProtocolLab.Chain.Contracts;
using ProtocolLab.Chain.Rpc;
using ProtocolLab.Simulation.Agents.Liquidation;

namespace ProtocolLab.Simulation.Engine;

/// <summary>
/// Liquidation through a protocol's liquidation module (an auction house, a backstop pool) instead of,
/// or before, the protocol's own liquidation call: what a bot sends to it in a block, and which
/// positions that leaves to the protocol's own liquidation.
/// </summary>
internal interface ILiquidationRoute
{
    /// <summary>
    /// Bot <paramref name="bot"/>'s module transactions for <paramref name="block"/> on what it sees, within
    /// <paramref name="budget"/> (loan base units); <see cref="RoutePlan.LeavesToMarket"/> says which
    /// positions the protocol's own liquidation may still take.
    /// </summary>
    RoutePlan Plan(int block, int bot, LiquidatorAgent agent, LiquidationView seen, LiquidationWatch watch, GasMarket gas, BigInteger budget);
}

/// <summary>A module transaction: built once the bot's bid for the block is known.</summary>
internal sealed record RouteAction(Func<TxOptions, TransactionRequest> Build, BigInteger PriorityFeeWei, ulong Gas, BigInteger Spend);

/// <summary>A bot's module transactions in a block, and the positions (by id) left to the market's own liquidation.</summary>
internal sealed record RoutePlan(IReadOnlyList<RouteAction> Actions, Func<int, bool> LeavesToMarket)
{
    public static RoutePlan None { get; } = new([], _ => true);
}
