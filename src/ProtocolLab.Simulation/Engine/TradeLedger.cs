using System.Numerics;
using ProtocolLab.Chain.Contracts;
using ProtocolLab.Chain.Hex;
using ProtocolLab.Simulation.Agents;
using ProtocolLab.Simulation.Results;

namespace ProtocolLab.Simulation.Engine;

/// <summary>
/// The run's trade ledger: every swap on the pair in a mined block, and every liquidity added or
/// removed, read from the pair's Swap, Mint and Burn events and attributed to the account that sent the
/// transaction (a router or a bot contract in between does not hide it). The world's traders are known
/// by role: the arbitrageurs, liquidators and liquidity providers every protocol shares, and the
/// adapter's own (borrowers who deleverage, hedgers).
/// </summary>
internal sealed class TradeLedger
{
    private readonly MarketVenue _venue;
    private readonly MarketUnits _units;
    private readonly Dictionary<Address, Trader> _traders = [];

    public TradeLedger(IProtocolAdapter adapter, ArbitrageDesk desk, LiquidityProviders providers)
    {
        _venue = adapter.Venue;
        _units = WorldKit.Units(adapter.Scenario);
        if (adapter.Scenario.Agents.Arbitrageur.Enabled)
            Add(new Trader(SimulationAccounts.Arbitrageur, TradeRole.Arbitrage, "arbitrageur"));
        foreach (var a in desk.Agents)
            Add(new Trader(a.Operator, TradeRole.Arbitrage, a.Spec.Name));
        foreach (var l in LiquidatorAgent.Of(adapter.Scenario))
            Add(new Trader(l.Address, TradeRole.Liquidation, l.Config.Name));
        foreach (var p in providers.Agents)
            Add(new Trader(p.Address, TradeRole.Liquidity, p.Spec.Name));
        foreach (var t in adapter.Traders)
            Add(t);
    }

    /// <summary>The pair's swaps and liquidity moves in <paramref name="mined"/>, in log order.</summary>
    public IReadOnlyList<TradeRecord> Trades(int block, MinedBlock mined)
    {
        var senders = new Dictionary<string, Address>(StringComparer.OrdinalIgnoreCase);
        foreach (var s in mined.Sent)
        {
            if (s.TransactionHash is { } hash)
                senders[hash] = s.Request.From;
        }
        var collateralIs0 = _venue.Pair.Token0 == _venue.Collateral;
        var trades = new List<TradeRecord>();
        foreach (var log in mined.Logs.Where(l => l.Address == _venue.Pair.Address))
        {
            if (Decode(log, collateralIs0) is not { } move)
                continue;
            var (side, collateral, loan) = move;
            var hash = log.TransactionHash;
            var account = senders.TryGetValue(hash, out var from) ? from : (Address?)null;
            var trader = account is { } a && _traders.TryGetValue(a, out var known) ? known : null;
            trades.Add(new TradeRecord(
                block, hash, Role(trader?.Role ?? TradeRole.Other), trader?.Name ?? "", account?.ToString() ?? "", side,
                collateral, loan, collateral > 0 ? loan / collateral : double.NaN));
        }
        return trades;
    }

    /// <summary>The role as results name it: camel case, as the JSON fields are.</summary>
    public static string Role(TradeRole role) => role switch
    {
        TradeRole.Arbitrage => "arbitrage",
        TradeRole.Liquidation => "liquidation",
        TradeRole.Deleveraging => "deleveraging",
        TradeRole.Hedging => "hedging",
        TradeRole.Liquidity => "liquidity",
        _ => "other",
    };

    /// <summary>A Swap (sell or buy collateral), Mint (add) or Burn (remove) of the pair, whole units; null for its other events.</summary>
    private (string Side, double Collateral, double Loan)? Decode(Chain.Rpc.LogEntry log, bool collateralIs0)
    {
        var pair = _venue.Pair.Contract;
        if (pair.DecodeEvents([log], "Swap", e => e) is [var swap])
        {
            var (in0, in1, out0, out1) = ((BigInteger)swap[1]!, (BigInteger)swap[2]!, (BigInteger)swap[3]!, (BigInteger)swap[4]!);
            var (collateralIn, loanIn, collateralOut, loanOut) = collateralIs0 ? (in0, in1, out0, out1) : (in1, in0, out1, out0);
            var sell = collateralIn > collateralOut;
            return (sell ? "sell" : "buy",
                _units.CollateralWhole(sell ? collateralIn - collateralOut : collateralOut - collateralIn),
                _units.LoanWhole(sell ? loanOut - loanIn : loanIn - loanOut));
        }
        foreach (var (name, side) in new[] { ("Mint", "add"), ("Burn", "remove") })
        {
            if (pair.DecodeEvents([log], name, e => e) is [var liquidity])
            {
                var (amount0, amount1) = ((BigInteger)liquidity[1]!, (BigInteger)liquidity[2]!);
                var (collateral, loan) = collateralIs0 ? (amount0, amount1) : (amount1, amount0);
                return (side, _units.CollateralWhole(collateral), _units.LoanWhole(loan));
            }
        }
        return null;
    }

    private void Add(Trader trader) => _traders.TryAdd(trader.Account, trader);
}
