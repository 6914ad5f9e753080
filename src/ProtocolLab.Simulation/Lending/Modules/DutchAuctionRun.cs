using System.Numerics;
using ProtocolLab.Chain.Contracts;
using ProtocolLab.Chain.Hex;
using ProtocolLab.Chain.Rpc;
using ProtocolLab.Protocols.Bindings;
using ProtocolLab.Protocols.Lending;
using ProtocolLab.Simulation.Agents.Liquidation;
using ProtocolLab.Simulation.Engine;
using ProtocolLab.Simulation.Results;
using ProtocolLab.Simulation.Scenarios;

namespace ProtocolLab.Simulation.Lending.Modules;

/// <summary>
/// A Dutch auction house (contracts/src/liquidation/DutchAuction.sol) across one run. Each block the
/// batch reads every running auction's status; each bot kicks the liquidatable positions it has watched
/// for its reaction delay (the kicker's incentive must pay the kick's gas), resets the auctions that
/// need it, and takes from the running ones what the pair pays more for than the auction asks
/// (<see cref="DutchAuctionTakes"/>). The market's own liquidation is never used: every position goes to auction.
/// </summary>
internal sealed class DutchAuctionRun(LendingAdapter world, DutchAuction auction, DutchAuctionSpec spec, string directory) : ILendingModuleRun
{
    // Gas limits, not costs: the gas tests (.gas-snapshot, DutchAuctionGasTest) measure a kick at about 340k,
    // a take at 180k-280k and a redo at 150k on a warm test market; the engine's cold market with its margin
    // model, guard and oracle costs more (a 400k kick limit ran out), and an unused limit costs nothing.
    public const ulong KickGas = 700_000;
    public const ulong TakeGas = 300_000;
    public const ulong RedoGas = 200_000;

    private readonly SortedSet<BigInteger> _running = [];
    private List<BigInteger> _read = [];
    private IReadOnlyList<DutchAuctionView> _auctions = [];
    private int _kicks, _takes, _resets, _endedWithBadDebt, _zeroBidWins;
    private double _paid, _valueAtFundamental, _sold, _returned;
    private readonly Dictionary<BigInteger, Address> _borrowerOf = [];
    private readonly AuctionsCsvWriter _csv = AuctionsCsvWriter.Create(Path.Combine(directory, AuctionsCsvWriter.FileName));

    public IReadOnlyList<TransactionRequest> StateCalls()
    {
        _read = [.. _running];
        return _read.Select(id => auction.BuildCall("getStatus", [id])).ToList();
    }

    public void Observe(IReadOnlyList<byte[]> outputs)
    {
        var views = new List<DutchAuctionView>(_read.Count);
        for (var i = 0; i < _read.Count; i++)
        {
            var s = auction.DecodeOutput("getStatus", outputs[i]);
            var priceRaw = (BigInteger)s[1]!;
            views.Add(new DutchAuctionView(_read[i], (double)priceRaw / Math.Pow(10, LendingKit.FeedDecimals), priceRaw, (BigInteger)s[2]!, (BigInteger)s[3]!, (bool)s[0]!));
        }
        _auctions = views;
    }

    public RoutePlan Plan(int block, int bot, LiquidatorAgent agent, LiquidationView seen, LiquidationWatch watch, GasMarket gas, BigInteger budget)
    {
        var actions = new List<RouteAction>();
        var from = agent.Address;
        var units = world.Units;
        var kickGas = gas with { GasPerLiquidation = (long)KickGas / 2 };
        foreach (var p in seen.Positions)
        {
            if (!p.IsLiquidatable || !watch.IsRipe(p.Id, block, agent.Config.ReactionDelayBlocks))
                continue;
            // The incentive: tip + chip x debt x chop, paid from the proceeds.
            var incentive = units.LoanBase(spec.KickerTip) + ModuleRuns.TimesFraction(p.Debt, spec.KickerShare * (1 + spec.Penalty));
            if (incentive <= kickGas.CostInLoan(BigInteger.Zero, units))
                continue;
            var borrower = seen.Borrowers[p.Id];
            // The incentive is the kick's profit: the bot's gas strategy tips on it.
            var kickTip = agent.Config.GasBid.PriorityFeeWei(incentive, kickGas, units);
            actions.Add(new RouteAction(o => auction.Kick(from, borrower, from, o), kickTip, KickGas, BigInteger.Zero));
        }

        var redoGas = gas with { GasPerLiquidation = (long)RedoGas / 2 };
        foreach (var a in _auctions.Where(a => a.NeedsRedo && a.Lot.Sign > 0))
        {
            var incentive = units.LoanBase(spec.KickerTip) + ModuleRuns.TimesFraction(a.Tab, spec.KickerShare);
            if (incentive > redoGas.CostInLoan(BigInteger.Zero, units))
            {
                var id = a.Id;
                var redoTip = agent.Config.GasBid.PriorityFeeWei(incentive, redoGas, units);
                actions.Add(new RouteAction(o => auction.Redo(from, id, from, o), redoTip, RedoGas, BigInteger.Zero));
            }
        }

        var takeGas = gas with { GasPerLiquidation = (long)TakeGas / 2 };
        foreach (var take in DutchAuctionTakes.Decide(agent.Config, _auctions, seen.Pool, takeGas, budget, units))
        {
            actions.Add(new RouteAction(o => auction.Take(from, take.AuctionId, take.Collateral, take.MaxPriceRaw, from, o), take.PriorityFeeWei, TakeGas, take.Owe));
        }

        return new RoutePlan(actions, _ => false);
    }

    public void Account(int block, double fundamental, MinedBlock mined, IReadOnlyDictionary<Address, int> bots, int[] succeeded, ISet<int> acquired)
    {
        var u = world.Units;
        var rows = new List<AuctionRecord>();
        foreach (var e in auction.DecodeEvents(mined.Logs, "Kick", DutchAuction.KickEvent.From))
        {
            _running.Add(e.Id);
            _borrowerOf[e.Id] = e.Borrower;
            _kicks++;
            ModuleRuns.CountSucceeded(bots, e.Kpr, succeeded);
            rows.Add(Row("kick", e.Id, e.Kpr, Price(e.Top), u.CollateralWhole(e.Lot), u.LoanWhole(e.Tab)));
        }
        foreach (var e in auction.DecodeEvents(mined.Logs, "Redo", DutchAuction.RedoEvent.From))
        {
            _resets++;
            ModuleRuns.CountSucceeded(bots, e.Kpr, succeeded);
            rows.Add(Row("reset", e.Id, e.Kpr, Price(e.Top), null, null));
        }
        foreach (var e in auction.DecodeEvents(mined.Logs, "Take", DutchAuction.TakeEvent.From))
        {
            _takes++;
            _paid += u.LoanWhole(e.Owe);
            _sold += u.CollateralWhole(e.Slice);
            _valueAtFundamental += u.CollateralWhole(e.Slice) * fundamental;
            if (u.LoanWhole(e.Owe) < ModuleRuns.ZeroBidShare * u.CollateralWhole(e.Slice) * fundamental)
                _zeroBidWins++;
            ModuleRuns.CountSucceeded(bots, e.Taker, succeeded);
            if (bots.TryGetValue(e.Who, out var who))
                acquired.Add(who);
            rows.Add(Row("take", e.Id, e.Taker, Price(e.Price), u.CollateralWhole(e.Slice), u.LoanWhole(e.Owe)));
        }
        foreach (var e in auction.DecodeEvents(mined.Logs, "End", DutchAuction.EndEvent.From))
        {
            _running.Remove(e.Id);
            _returned += u.CollateralWhole(e.CollateralReturned);
            if (e.BadDebt > 0)
                _endedWithBadDebt++;
            rows.Add(Row("end", e.Id, null, null, u.CollateralWhole(e.CollateralReturned), u.LoanWhole(e.BadDebt)));
        }
        _csv.Append(rows);

        AuctionRecord Row(string kind, BigInteger id, Address? actor, double? price, double? collateral, double? loan) => new(
            block, id.ToString(System.Globalization.CultureInfo.InvariantCulture), kind, actor is { } a ? Name(a) : "",
            _borrowerOf.TryGetValue(id, out var b) ? b.ToString() : "", price, collateral, loan);
    }

    private string Name(Address account) => ModuleRuns.BotName(world, account);

    private static double Price(BigInteger raw) => (double)raw / Math.Pow(10, LendingKit.FeedDecimals);

    public void Dispose() => _csv.Dispose();

    public IReadOnlyList<(string Metric, double? Value)> Metrics() =>
    [
        ("auctionsStarted", _kicks),
        ("auctionTakes", _takes),
        ("auctionResets", _resets),
        ("auctionCollateralSold", _sold),
        ("auctionPriceToFundamental", _valueAtFundamental > 0 ? _paid / _valueAtFundamental : null),
        ("auctionsEndedWithBadDebt", _endedWithBadDebt),
        ("auctionsRunningAtEnd", _running.Count),
        ("auctionCollateralReturned", _returned),
        ("zeroBidWins", _zeroBidWins),
    ];
}
