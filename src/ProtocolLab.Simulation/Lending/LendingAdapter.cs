using System.Numerics;
using ProtocolLab.Chain;
using ProtocolLab.Chain.Artifacts;
using ProtocolLab.Chain.Contracts;
using ProtocolLab.Chain.Hex;
using ProtocolLab.Chain.Rpc;
using ProtocolLab.Protocols.Bindings;
using ProtocolLab.Protocols.Lending;
using ProtocolLab.Simulation.Agents;
using ProtocolLab.Simulation.Agents.Borrowers;
using ProtocolLab.Simulation.Agents.Liquidation;
using ProtocolLab.Simulation.Engine;
using ProtocolLab.Simulation.Randomness;
using ProtocolLab.Simulation.Scenarios;

namespace ProtocolLab.Simulation.Lending;

/// <summary>A borrower of the population and the address it acts from.</summary>
internal sealed record BorrowerAgent(Borrower Borrower, Address Address);

/// <summary>
/// The lending market as a protocol adapter: one design's market on the chain with its agents,
/// ready for a run: bots and arbitrageur funded, approvals given. Each run then opens its own
/// population's positions (<see cref="OpenPositionsAsync"/>) on a state reverted to this one.
/// </summary>
internal sealed class LendingAdapter : IProtocolAdapter
{
    private readonly ArtifactStore _artifacts;

    private LendingAdapter(Scenario scenario, DesignSpec design, LendingDeployment deployment, IReadOnlyList<LiquidatorAgent> liquidators, ArtifactStore artifacts)
    {
        _artifacts = artifacts;
        Scenario = scenario;
        Design = design;
        Deployment = deployment;
        Liquidators = liquidators;
        Units = WorldKit.Units(scenario);
        Venue = new MarketVenue(deployment.Uniswap, deployment.Pair, deployment.Collateral.Address, deployment.Loan.Address, deployment.Owner, deployment.Market.Session);
    }

    public Scenario Scenario { get; }

    public DesignSpec Design { get; }

    public LendingDeployment Deployment { get; }

    public MarketVenue Venue { get; }

    public IReadOnlyList<Address> GasPayers => Liquidators.Select(l => l.Address).ToList();

    public IReadOnlyList<Address> EventSources => Deployment.LiquidationModule is { } module ? [Deployment.Market.Address, module] : [Deployment.Market.Address];

    /// <summary>Borrowers who deleverage sell collateral on the pair.</summary>
    public IReadOnlyList<Trader> Traders => Borrowers.Select(b => new Trader(b.Address, TradeRole.Deleveraging, $"borrower-{b.Borrower.Id}")).ToList();

    /// <summary>The current run's borrowers (set by <see cref="OpenPositionsAsync"/>).</summary>
    public IReadOnlyList<BorrowerAgent> Borrowers { get; private set; } = [];

    public IReadOnlyDictionary<Address, BorrowerAgent> BorrowerByAddress { get; private set; } = new Dictionary<Address, BorrowerAgent>();

    public IReadOnlyList<LiquidatorAgent> Liquidators { get; }

    public MarketUnits Units { get; }

    public Address Owner => Deployment.Owner;

    public ChainSession Session => Deployment.Market.Session;

    public static async Task<LendingAdapter> CreateAsync(
        ChainSession session, ArtifactStore artifacts, Address owner, Scenario scenario, DesignSpec design, CancellationToken cancellationToken)
    {
        var deployment = await LendingKit.DeployAsync(session, artifacts, owner, LendingScenarioKit.Options(scenario, design), cancellationToken);
        var world = new LendingAdapter(scenario, design, deployment, LiquidatorAgent.Of(scenario), artifacts);

        await session.Dev.SetAutomineAsync(false, cancellationToken);
        await world.FundAgentsAsync(cancellationToken);
        return world;
    }

    public async Task<IProtocolRun> StartRunAsync(int run, string directory, SeededRandom agents, CancellationToken cancellationToken)
    {
        await OpenPositionsAsync(WorldKit.Population(Scenario, run), cancellationToken);
        return new LendingRun(this, directory, agents);
    }

    /// <summary>
    /// Opens the run's population: each borrower borrows its leverage fraction of the initial LTV
    /// this design grants its position. Borrower i always acts from the same address.
    /// </summary>
    public async Task OpenPositionsAsync(IReadOnlyList<Borrower> population, CancellationToken cancellationToken)
    {
        Borrowers = population.Select(b => new BorrowerAgent(b, SimulationAccounts.Borrower(b.Id))).ToList();
        BorrowerByAddress = Borrowers.ToDictionary(b => b.Address);
        var model = Deployment.MarginModel;
        var calls = Borrowers.Select(b => model.BuildCall("params", [b.Address, b.Borrower.Collateral])).ToList();
        var answers = await Session.Reads.CallAsync(calls, BlockTag.Latest, cancellationToken);
        var plans = new List<(PositionPlan Plan, double Price)>(Borrowers.Count);
        for (var i = 0; i < Borrowers.Count; i++)
        {
            var margin = (object?[])model.DecodeOutput("params", answers[i].GetOutputOrThrow())[0]!;
            var initialLtv = (double)(BigInteger)margin[0]! / 1e18;
            var price = Scenario.Market.InitialPrice * Borrowers[i].Borrower.OpeningFactorFor(initialLtv, Scenario.Market.InitialPrice, Units);
            var debt = Borrowers[i].Borrower.TargetDebt(initialLtv, price, Units);
            if (Scenario.Population.Imported is { } imported && debt > Units.CollateralToLoan(Borrowers[i].Borrower.Collateral, price) * new BigInteger(Math.Round(initialLtv * 1e9)) / 1_000_000_000)
            {
                throw new UserInputException(
                    $"{Scenario.SourcePath}: population.positions line {imported[i].Line}: debt {Units.LoanWhole(debt):G6} is above what design '{Design.Name}' lends at the opening price {price:G6} "
                    + $"(initial LTV {initialLtv:G4} for this position); give a higher openingPrice, or none (the position then opens at the lowest price where it fits)");
            }
            plans.Add((new PositionPlan(Borrowers[i].Address, Borrowers[i].Borrower.Collateral, debt), price));
        }
        var borrowed = plans.Aggregate(BigInteger.Zero, (sum, p) => sum + p.Plan.Debt);
        var supplied = Units.LoanBase(Scenario.Market.LenderSupply);
        if (borrowed > supplied)
        {
            throw new UserInputException(
                $"{Scenario.SourcePath}: market.lenderSupply: the population borrows {Units.LoanWhole(borrowed):N0} {Scenario.Market.Loan.Symbol} " +
                $"under design '{Design.Name}' but lenders supply only {Scenario.Market.LenderSupply:N0}; raise lenderSupply or shrink the population");
        }
        if (plans.All(p => p.Price == Scenario.Market.InitialPrice))
            await PositionOpener.OpenAsync(Deployment, plans.Select(p => p.Plan).ToList(), cancellationToken);
        else
            await PastPriceOpener.OpenAsync(Deployment, _artifacts, plans, cancellationToken);

        // Opening approved exactly the collateral it deposited: top-ups need an open allowance again.
        // (The loan and router approvals, which opening does not touch, were given once at set-up.)
        var gas = new TxOptions { Gas = 200_000 };
        var txs = Borrowers.Select(b => Deployment.Collateral.Approve(b.Address, Deployment.Market.Address, BigInteger.Pow(2, 255), gas)).ToList();
        await Session.MineInBlocksAsync(txs, "borrower approvals", cancellationToken);
    }

    /// <summary>Bots get their capital, the arbitrageur both assets; everyone approves the router and market once (borrowers' collateral to the market per run).</summary>
    private async Task FundAgentsAsync(CancellationToken cancellationToken)
    {
        var d = Deployment;
        var gas = new TxOptions { Gas = 200_000 };
        var max = BigInteger.Pow(2, 255);
        var router = d.Uniswap.Router.Address;
        var arbitrageur = SimulationAccounts.Arbitrageur;
        var borrowers = Enumerable.Range(0, Scenario.Population.Borrowers).Select(SimulationAccounts.Borrower).ToList();
        await Session.SetBalancesAsync([.. Liquidators.Select(l => l.Address), arbitrageur, .. borrowers], BigInteger.Pow(10, 24), cancellationToken);

        var txs = new List<TransactionRequest>();
        txs.AddRange(AgentFunding.Arbitrageur(Scenario, Venue, d.Collateral, d.Loan));
        txs.AddRange(AgentFunding.DebtLiquidators(Liquidators, Venue, d.Collateral, d.Loan, d.Market.Address));
        // Auction takers and bidders pay the auction house; the market still takes a pool's fallback liquidations.
        if (d.LiquidationModule is { } module)
            txs.AddRange(Liquidators.Select(l => d.Loan.Approve(l.Address, module, max, gas)));
        foreach (var b in borrowers)
        {
            txs.Add(d.Loan.Approve(b, d.Market.Address, max, gas));
            txs.Add(d.Collateral.Approve(b, router, max, gas));
        }
        await Session.MineInBlocksAsync(txs, "funding agents", cancellationToken);
    }
}
