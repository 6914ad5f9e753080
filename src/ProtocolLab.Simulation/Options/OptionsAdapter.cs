using System.Numerics;
using ProtocolLab.Chain;
using ProtocolLab.Chain.Artifacts;
using ProtocolLab.Chain.Contracts;
using ProtocolLab.Chain.Hex;
using ProtocolLab.Chain.Rpc;
using ProtocolLab.Protocols;
using ProtocolLab.Protocols.Options;
using ProtocolLab.Simulation.Agents;
using ProtocolLab.Simulation.Agents.Liquidation;
using ProtocolLab.Simulation.Engine;
using ProtocolLab.Simulation.Randomness;
using ProtocolLab.Simulation.Scenarios;
using ProtocolLab.Simulation.Scenarios.Options;

namespace ProtocolLab.Simulation.Options;

/// <summary>A short option position opened at setup: who, which series, how many (WAD) and its collateral (base units).</summary>
internal sealed record OptionWriterAgent(Address Address, int SeriesIndex, BigInteger Amount, BigInteger Collateral, int? HedgerIndex);

/// <summary>
/// The options vault as a protocol adapter: one option margin design's market on the chain, series
/// open, writers' and hedgers' shorts written at their collateral ratio of this design's initial
/// margin, the longs sold to buyers and liquidator bots, and the arbitrageur and hedgers funded.
/// Every run starts from these positions (they are written once, at set-up).
/// </summary>
internal sealed class OptionsAdapter : IProtocolAdapter
{
    private const ulong Year = 365 * 86_400;

    private OptionsAdapter(Scenario scenario, DesignSpec design, OptionDeployment deployment, IReadOnlyList<OptionWriterAgent> writers, IReadOnlyList<LiquidatorAgent> liquidators)
    {
        Scenario = scenario;
        Options = scenario.Options!;
        Design = design;
        Deployment = deployment;
        Writers = writers;
        Liquidators = liquidators;
        Units = WorldKit.Units(scenario);
        Venue = new MarketVenue(deployment.Uniswap, deployment.Pair, deployment.Underlying.Address, deployment.Loan.Address, deployment.Owner, deployment.Session);
    }

    public Scenario Scenario { get; }

    public OptionsSpec Options { get; }

    public DesignSpec Design { get; }

    public OptionDeployment Deployment { get; }

    public MarketVenue Venue { get; }

    public IReadOnlyList<Address> GasPayers => Liquidators.Select(l => l.Address).ToList();

    /// <summary>The vault's liquidations and the pair's swaps (a hedge landed when its swap did).</summary>
    public IReadOnlyList<Address> EventSources => [Deployment.Vault.Address, Deployment.Pair.Address];

    /// <summary>The delta hedgers trade the underlying on the pair.</summary>
    public IReadOnlyList<Trader> Traders => Writers.Where(w => w.HedgerIndex is not null).Select(w => new Trader(w.Address, TradeRole.Hedging, $"hedger-{w.HedgerIndex}")).ToList();

    /// <summary>Writers first (index = writer index), then hedgers, in the order their positions were opened.</summary>
    public IReadOnlyList<OptionWriterAgent> Writers { get; }

    public IReadOnlyList<LiquidatorAgent> Liquidators { get; }

    public MarketUnits Units { get; }

    public Address Owner => Deployment.Owner;

    public ChainSession Session => Deployment.Session;

    /// <summary>Underlying each hedger holds at setup: enough to stay hedged down to delta one.</summary>
    public BigInteger HedgerInventory => Units.CollateralBase(Options.Hedgers.OptionsEach);


    public Task<IProtocolRun> StartRunAsync(int run, string directory, SeededRandom agents, CancellationToken cancellationToken) =>
        Task.FromResult<IProtocolRun>(new OptionsRun(this, directory));

    public static async Task<OptionsAdapter> CreateAsync(
        ChainSession session, ArtifactStore artifacts, Address owner, Scenario scenario, DesignSpec design, CancellationToken cancellationToken)
    {
        var now = session.Clock?.Current ?? throw new InvalidOperationException("the options world needs a session clock");
        if (scenario.Agents.Liquidators.ToList().FindIndex(l => l.WatchesMempool) is var watcher and >= 0)
        {
            throw new UserInputException(
                $"{scenario.SourcePath}: agents.liquidators[{watcher}].watchMempool: the options vault's bots act on the block's start state in this build; remove watchMempool");
        }
        var deployment = await OptionKit.DeployAsync(session, artifacts, owner, OptionsScenarioKit.Options(scenario, design, now), cancellationToken);
        var liquidators = LiquidatorAgent.Of(scenario);
        await session.Dev.SetAutomineAsync(false, cancellationToken);

        var plans = Plan(scenario);
        var collateral = await CollateralAsync(deployment, scenario, plans, now, cancellationToken);
        var writers = plans.Select((p, i) => p.Agent with { Collateral = collateral[i] }).ToList();
        var world = new OptionsAdapter(scenario, design, deployment, writers, liquidators);
        await world.WriteAsync(cancellationToken);
        await world.SellLongsAsync(cancellationToken);
        await world.FundAgentsAsync(cancellationToken);
        return world;
    }

    /// <summary>Sizes and collateral ratios from the scenario's "option-writers" stream: the same for every design.</summary>
    private static List<(OptionWriterAgent Agent, double Ratio)> Plan(Scenario scenario)
    {
        var o = scenario.Options!;
        var random = SeededRandom.ForStream(scenario.Seed, 0, "option-writers");
        var result = new List<(OptionWriterAgent, double)>();
        for (var i = 0; i < o.Writers.Count; i++)
        {
            var size = Math.Round(o.Writers.MinSize + ((o.Writers.MaxSize - o.Writers.MinSize) * random.NextDouble()), 2);
            var ratio = o.Writers.MinCollateralRatio + ((o.Writers.MaxCollateralRatio - o.Writers.MinCollateralRatio) * random.NextDouble());
            result.Add((new OptionWriterAgent(OptionsAccounts.Writer(i), i % o.Series.Count, Wad.Of(size), 0, null), ratio));
        }
        for (var h = 0; h < o.Hedgers.Count; h++)
            result.Add((new OptionWriterAgent(OptionsAccounts.Hedger(h), o.Hedgers.SeriesIndex, Wad.Of(o.Hedgers.OptionsEach), 0, h), o.Hedgers.CollateralRatio));
        return result;
    }

    /// <summary>Each position's collateral: its ratio times this design's initial margin, read from the margin model in one batch.</summary>
    private static async Task<List<BigInteger>> CollateralAsync(
        OptionDeployment d, Scenario scenario, List<(OptionWriterAgent Agent, double Ratio)> plans, ulong now, CancellationToken cancellationToken)
    {
        var volatility = await d.Volatility.VolatilityAsync(cancellationToken: cancellationToken);
        var spot = Wad.Of(scenario.Market.InitialPrice);
        var calls = plans.Select(p =>
        {
            var s = d.Series[p.Agent.SeriesIndex];
            // Time to expiry rounded up and taken now: the write lands later, when the requirement can only be lower.
            var tau = ((s.Expiry - now) * Wad.One + Year - 1) / Year;
            return d.MarginModel.BuildCall("marginRequirement", [new object?[] { s.IsCall, s.UnderlyingCollateral, s.Strike, spot, tau, volatility, p.Agent.Amount }]);
        }).ToList();
        var answers = await d.Session.Reads.CallAsync(calls, BlockTag.Latest, cancellationToken);
        var units = WorldKit.Units(scenario);
        var result = new List<BigInteger>(plans.Count);
        for (var i = 0; i < plans.Count; i++)
        {
            var initial = (BigInteger)d.MarginModel.DecodeOutput("marginRequirement", answers[i].GetOutputOrThrow())[0]!;
            var value = (initial * Wad.Of(plans[i].Ratio) / Wad.One) + 1;
            var covered = d.Series[plans[i].Agent.SeriesIndex].UnderlyingCollateral;
            result.Add(covered
                ? (value * TokenUnits.Pow10(units.CollateralDecimals) / spot) + 1
                : (value * TokenUnits.Pow10(units.LoanDecimals) / Wad.One) + 1);
        }
        return result;
    }

    private async Task WriteAsync(CancellationToken cancellationToken)
    {
        var d = Deployment;
        var gas = new TxOptions { Gas = 600_000 };
        await Session.SetBalancesAsync(Writers.Select(w => w.Address).ToList(), BigInteger.Pow(10, 22), cancellationToken);
        var mints = new List<TransactionRequest>();
        var writes = new List<TransactionRequest>();
        foreach (var w in Writers)
        {
            var token = d.Series[w.SeriesIndex].UnderlyingCollateral ? d.Underlying : d.Loan;
            mints.Add(token.Mint(Owner, w.Address, w.Collateral, gas));
            writes.Add(token.Approve(w.Address, d.Vault.Address, w.Collateral, gas));
            writes.Add(d.Vault.Write(w.Address, w.SeriesIndex, w.Amount, w.Collateral, gas));
            writes.Add(d.Vault.SetOffer(w.Address, w.SeriesIndex, w.Amount, gas));
        }
        await Session.MineInBlocksAsync(mints, "minting writers' collateral", cancellationToken);
        await Session.MineInBlocksAsync(writes, "writing options", cancellationToken);
    }

    /// <summary>Buyers take their share of every position's longs; the liquidator bots buy the rest, round robin.</summary>
    private async Task SellLongsAsync(CancellationToken cancellationToken)
    {
        var d = Deployment;
        var gas = new TxOptions { Gas = 600_000 };
        var cash = Units.LoanBase(1e10);
        var buyers = Enumerable.Range(0, Options.Buyers.Count).Select(OptionsAccounts.Buyer).ToList();
        var holders = buyers.Concat(Liquidators.Select(l => l.Address)).ToList();
        await Session.SetBalancesAsync(holders, BigInteger.Pow(10, 24), cancellationToken);
        var setup = new List<TransactionRequest>();
        foreach (var holder in holders)
        {
            setup.Add(d.Loan.Mint(Owner, holder, cash, gas));
            setup.Add(d.Loan.Approve(holder, d.Vault.Address, cash, gas));
        }
        await Session.MineInBlocksAsync(setup, "funding option buyers", cancellationToken);

        var buys = new List<TransactionRequest>();
        for (var i = 0; i < Writers.Count; i++)
        {
            var w = Writers[i];
            var toBuyer = w.Amount * Wad.Of(Options.Buyers.Share) / Wad.One;
            if (toBuyer > 0)
                buys.Add(d.Vault.Buy(buyers[i % buyers.Count], w.SeriesIndex, w.Address, toBuyer, cash, gas));
            if (w.Amount - toBuyer > 0 && Liquidators.Count > 0)
                buys.Add(d.Vault.Buy(Liquidators[i % Liquidators.Count].Address, w.SeriesIndex, w.Address, w.Amount - toBuyer, cash, gas));
        }
        await Session.MineInBlocksAsync(buys, "buying options", cancellationToken);
    }

    /// <summary>Bots get their capital; the arbitrageur and hedgers both assets; everyone who swaps approves the router.</summary>
    private async Task FundAgentsAsync(CancellationToken cancellationToken)
    {
        var d = Deployment;
        var gas = new TxOptions { Gas = 200_000 };
        var max = BigInteger.Pow(2, 255);
        var router = d.Uniswap.Router.Address;
        var arbitrageur = SimulationAccounts.Arbitrageur;
        var price = Scenario.Market.InitialPrice;
        await Session.SetBalancesAsync([arbitrageur], BigInteger.Pow(10, 24), cancellationToken);
        var txs = AgentFunding.Arbitrageur(Scenario, Venue, d.Underlying, d.Loan).ToList();
        foreach (var bot in Liquidators)
        {
            txs.Add(d.Loan.Mint(Owner, bot.Address, bot.Config.Capital, gas));
            txs.Add(d.Underlying.Approve(bot.Address, router, max, gas));
        }
        foreach (var hedger in Writers.Where(w => w.HedgerIndex is not null))
        {
            txs.Add(d.Underlying.Mint(Owner, hedger.Address, HedgerInventory, gas));
            txs.Add(d.Loan.Mint(Owner, hedger.Address, Units.CollateralToLoan(HedgerInventory, price), gas));
            txs.Add(d.Underlying.Approve(hedger.Address, router, max, gas));
            txs.Add(d.Loan.Approve(hedger.Address, router, max, gas));
        }
        await Session.MineInBlocksAsync(txs, "funding agents", cancellationToken);
    }
}
