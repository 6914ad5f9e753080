using System.Numerics;
using ProtocolLab.Chain.Contracts;
using ProtocolLab.Chain.Hex;
using ProtocolLab.Chain.Rpc;
using ProtocolLab.Protocols.Bindings;
using ProtocolLab.Simulation.Agents.Liquidation;
using ProtocolLab.Simulation.Engine;
using ProtocolLab.Simulation.Results;
using ProtocolLab.Simulation.Scenarios;

namespace ProtocolLab.Simulation.Lending.Modules;

/// <summary>
/// An English auction house (contracts/src/liquidation/EnglishAuction.sol, Maker's Flipper) across one
/// run. Each block the batch reads every running auction (<c>bids</c>); each bot kicks the liquidatable
/// positions it has watched for its reaction delay, bids on the live auctions as its
/// <see cref="AuctionBidding"/> says (<see cref="EnglishAuctionBids"/>), deals the auctions it won once they
/// finish, and restarts auctions that ended with no bid. The market's own liquidation is never used.
/// Times are the next block's: the last mined block's timestamp plus the block time.
/// </summary>
internal sealed class EnglishAuctionRun(LendingAdapter world, EnglishAuction auction, EnglishAuctionSpec spec, string directory) : ILendingModuleRun
{
    public const ulong KickGas = 500_000;
    public const ulong BidGas = 200_000;
    public const ulong DealGas = 400_000;
    public const ulong TickGas = 100_000;

    private readonly SortedSet<BigInteger> _running = [];
    private readonly Dictionary<BigInteger, Address> _borrowerOf = [];
    private readonly AuctionsCsvWriter _csv = AuctionsCsvWriter.Create(Path.Combine(directory, AuctionsCsvWriter.FileName));
    private List<BigInteger> _read = [];
    private IReadOnlyList<EnglishAuctionView> _auctions = [];
    private ulong _next;
    private int _kicks, _bids, _ticks, _deals, _endedWithBadDebt, _zeroBidWins;
    private double _paid, _valueAtFundamental, _sold, _returned;

    public IReadOnlyList<TransactionRequest> StateCalls()
    {
        _read = [.. _running];
        return _read.Select(id => auction.BuildCall("bids", [id])).ToList();
    }

    public void Observe(IReadOnlyList<byte[]> outputs)
    {
        var views = new List<EnglishAuctionView>(_read.Count);
        for (var i = 0; i < _read.Count; i++)
        {
            var b = auction.DecodeOutput("bids", outputs[i]);
            views.Add(new EnglishAuctionView(_read[i], (BigInteger)b[0]!, (BigInteger)b[1]!, (Address)b[2]!, (ulong)(BigInteger)b[3]!, (ulong)(BigInteger)b[4]!, (BigInteger)b[6]!));
        }
        _auctions = views;
    }

    public RoutePlan Plan(int block, int bot, LiquidatorAgent agent, LiquidationView seen, LiquidationWatch watch, GasMarket gas, BigInteger budget)
    {
        var actions = new List<RouteAction>();
        var from = agent.Address;
        var tip = EnglishAuctionBids.Tip(agent.Config, gas, world.Units);
        foreach (var p in seen.Positions)
        {
            if (!p.IsLiquidatable || !watch.IsRipe(p.Id, block, agent.Config.ReactionDelayBlocks))
                continue;
            var borrower = seen.Borrowers[p.Id];
            actions.Add(new RouteAction(o => auction.Kick(from, borrower, o), tip, KickGas, BigInteger.Zero));
        }

        foreach (var a in _auctions)
        {
            var id = a.Id;
            // The winner settles what it won; the first bot restarts what nobody bid on.
            if (a.IsFinished(_next) && a.Guy == from)
                actions.Add(new RouteAction(o => auction.Deal(from, id, o), tip, DealGas, BigInteger.Zero));
            else if (a.NeedsTick(_next) && bot == 0)
                actions.Add(new RouteAction(o => auction.Tick(from, id, o), tip, TickGas, BigInteger.Zero));
        }

        var bidGas = gas with { GasPerLiquidation = (long)BidGas / 2 };
        foreach (var bid in EnglishAuctionBids.Decide(agent.Config, from, _auctions, 1 + spec.MinIncrement, _next, seen.Pool, bidGas, budget, world.Units))
        {
            var (id, lot, amount) = (bid.AuctionId, bid.Lot, bid.Bid);
            actions.Add(bid.IsDent
                ? new RouteAction(o => auction.Dent(from, id, lot, amount, o), bid.PriorityFeeWei, BidGas, amount)
                : new RouteAction(o => auction.Tend(from, id, lot, amount, o), bid.PriorityFeeWei, BidGas, amount));
        }

        return new RoutePlan(actions, _ => false);
    }

    public void Account(int block, double fundamental, MinedBlock mined, IReadOnlyDictionary<Address, int> bots, int[] succeeded, ISet<int> acquired)
    {
        _next = mined.Header.Timestamp + (ulong)world.Scenario.BlockTimeSeconds;
        var u = world.Units;
        var rows = new List<AuctionRecord>();
        foreach (var e in auction.DecodeEvents(mined.Logs, "Kick", EnglishAuction.KickEvent.From))
        {
            _running.Add(e.Id);
            _borrowerOf[e.Id] = e.Borrower;
            _kicks++;
            CountSender(mined, bots, succeeded, "Kick");
            rows.Add(Row("kick", e.Id, null, null, u.CollateralWhole(e.Lot), u.LoanWhole(e.Tab)));
        }
        foreach (var e in auction.DecodeEvents(mined.Logs, "Tend", EnglishAuction.TendEvent.From))
        {
            _bids++;
            ModuleRuns.CountSucceeded(bots, e.Guy, succeeded);
            rows.Add(Row("tend", e.Id, e.Guy, Price(e.Bid, e.Lot), u.CollateralWhole(e.Lot), u.LoanWhole(e.Bid)));
        }
        foreach (var e in auction.DecodeEvents(mined.Logs, "Dent", EnglishAuction.DentEvent.From))
        {
            _bids++;
            ModuleRuns.CountSucceeded(bots, e.Guy, succeeded);
            rows.Add(Row("dent", e.Id, e.Guy, Price(e.Bid, e.Lot), u.CollateralWhole(e.Lot), u.LoanWhole(e.Bid)));
        }
        foreach (var e in auction.DecodeEvents(mined.Logs, "Tick", EnglishAuction.TickEvent.From))
        {
            _ticks++;
            CountSender(mined, bots, succeeded, "Tick");
            rows.Add(Row("reset", e.Id, null, null, null, null));
        }
        foreach (var e in auction.DecodeEvents(mined.Logs, "Deal", EnglishAuction.DealEvent.From))
        {
            _running.Remove(e.Id);
            _deals++;
            var lot = u.CollateralWhole(e.Lot);
            var value = lot * fundamental;
            _sold += lot;
            _paid += u.LoanWhole(e.Bid);
            _valueAtFundamental += value;
            _returned += u.CollateralWhole(e.CollateralReturned);
            if (e.BadDebt > 0)
                _endedWithBadDebt++;
            if (u.LoanWhole(e.Bid) < ModuleRuns.ZeroBidShare * value)
                _zeroBidWins++;
            if (bots.TryGetValue(e.Winner, out var winner))
            {
                succeeded[winner]++;
                acquired.Add(winner);
            }
            rows.Add(Row("end", e.Id, e.Winner, Price(e.Bid, e.Lot), lot, u.LoanWhole(e.BadDebt)));
        }
        _csv.Append(rows);

        AuctionRecord Row(string kind, BigInteger id, Address? actor, double? price, double? collateral, double? loan) => new(
            block, id.ToString(System.Globalization.CultureInfo.InvariantCulture), kind, actor is { } a ? Name(a) : "",
            _borrowerOf.TryGetValue(id, out var b) ? b.ToString() : "", price, collateral, loan);
    }

    /// <summary>Kick and Tick name no sender: credit the bot whose transaction emitted each such event.</summary>
    private void CountSender(MinedBlock mined, IReadOnlyDictionary<Address, int> bots, int[] succeeded, string eventName)
    {
        var topic = auction.Abi.GetEvent(eventName).Topic0.ToArray();
        foreach (var log in mined.Logs.Where(l => l.Address == auction.Address && l.Topics.Count > 0 && l.Topics[0].AsSpan().SequenceEqual(topic)))
        {
            if (mined.Sent.FirstOrDefault(s => string.Equals(s.TransactionHash, log.TransactionHash, StringComparison.OrdinalIgnoreCase)) is { } sent)
                ModuleRuns.CountSucceeded(bots, sent.Request.From, succeeded);
        }
    }

    /// <summary>A bid's price per whole collateral unit, in whole loan units; null for an empty lot.</summary>
    private double? Price(BigInteger bid, BigInteger lot) => lot.Sign > 0 ? world.Units.LoanWhole(bid) / world.Units.CollateralWhole(lot) : null;

    private string Name(Address account) => ModuleRuns.BotName(world, account);

    public void Dispose() => _csv.Dispose();

    public IReadOnlyList<(string Metric, double? Value)> Metrics() =>
    [
        ("auctionsStarted", _kicks),
        ("auctionBids", _bids),
        ("auctionResets", _ticks),
        ("auctionCollateralSold", _sold),
        ("auctionPriceToFundamental", _valueAtFundamental > 0 ? _paid / _valueAtFundamental : null),
        ("auctionsEndedWithBadDebt", _endedWithBadDebt),
        ("auctionsRunningAtEnd", _running.Count),
        ("auctionCollateralReturned", _returned),
        ("zeroBidWins", _zeroBidWins),
    ];
}
