using System.Numerics;
using ProtocolLab.Chain;
using ProtocolLab.Chain.Contracts;
using ProtocolLab.Chain.Hex;
using ProtocolLab.Chain.Rpc;
using ProtocolLab.Protocols.Markets;
using ProtocolLab.Simulation.Agents;
using ProtocolLab.Simulation.Engine;
using ProtocolLab.Simulation.Randomness;
using ProtocolLab.Simulation.Scenarios;

namespace ProtocolLab.Simulation.ExternalLending;

/// <summary>
/// A real debt protocol, deployed by its kit on the scenario's shared world (the two tokens, the seeded
/// pair, the keeper's push feed, the lenders' supply), as a protocol adapter. What is the same for every
/// such protocol is here: the world's part of the kit's options, the agents' funding, the gas payers and
/// event source, and each run's positions, opened at the initial price. A protocol adds its kit's own
/// options and its run.
/// </summary>
internal abstract class ExternalLendingAdapter<TDeployment> : IProtocolAdapter
    where TDeployment : IDebtMarketDeployment
{
    private static readonly TxOptions SetupGas = new() { Gas = 600_000 };

    private readonly ExternalProtocol _protocol;

    protected ExternalLendingAdapter(ExternalProtocol protocol, Scenario scenario, DesignSpec design, TDeployment deployment)
    {
        _protocol = protocol;
        Scenario = scenario;
        Design = design;
        Deployment = deployment;
        Units = WorldKit.Units(scenario);
        Liquidators = LiquidatorAgent.Of(scenario);
        Venue = new MarketVenue(deployment.Uniswap, deployment.Pair, deployment.Collateral.Address, deployment.Loan.Address, deployment.Owner, deployment.Session);
    }

    public Scenario Scenario { get; }

    public DesignSpec Design { get; }

    public TDeployment Deployment { get; }

    public MarketUnits Units { get; }

    public IReadOnlyList<LiquidatorAgent> Liquidators { get; }

    public MarketVenue Venue { get; }

    /// <summary>The current run's borrowers (set by <see cref="StartRunAsync"/>).</summary>
    public IReadOnlyList<Address> Borrowers { get; private set; } = [];

    public IReadOnlyList<Address> GasPayers => Liquidators.Select(l => l.Address).ToList();

    public IReadOnlyList<Address> EventSources => [Deployment.Protocol];

    public async Task<IProtocolRun> StartRunAsync(int run, string directory, SeededRandom agents, CancellationToken cancellationToken)
    {
        var population = WorldKit.Population(Scenario, run);
        Borrowers = population.Select(b => SimulationAccounts.Borrower(b.Id)).ToList();
        var d = Deployment;
        // Three set-up phases, because a block orders different senders by fee, not by our list.
        var mints = new List<TransactionRequest>();
        var supplies = new List<TransactionRequest>();
        var borrows = new List<TransactionRequest>();
        var borrowed = BigInteger.Zero;
        foreach (var b in population)
        {
            var address = SimulationAccounts.Borrower(b.Id);
            var debt = b.TargetDebt(Design.Base.InitialLtv, Scenario.Market.InitialPrice, Units);
            borrowed += debt;
            mints.Add(d.Collateral.Mint(d.Owner, address, b.Collateral, SetupGas));
            supplies.AddRange(d.SupplyCollateral(address, b.Collateral, SetupGas));
            if (debt > 0)
                borrows.Add(d.Borrow(address, debt, SetupGas));
        }
        if (borrowed > Units.LoanBase(Scenario.Market.LenderSupply))
        {
            throw new UserInputException(
                $"{Scenario.SourcePath}: market.lenderSupply: the population borrows {Units.LoanWhole(borrowed):N0} {Scenario.Market.Loan.Symbol} " +
                $"under design '{Design.Name}' but lenders supply only {Scenario.Market.LenderSupply:N0}; raise lenderSupply or shrink the population");
        }
        var session = d.Session;
        await session.MineInBlocksAsync(mints, $"minting {_protocol.Name} collateral", cancellationToken);
        await session.MineInBlocksAsync(supplies, $"supplying {_protocol.Name} collateral", cancellationToken);
        await session.MineInBlocksAsync(borrows, $"borrowing from {_protocol.Name}", cancellationToken);
        return NewRun(directory);
    }

    /// <summary>The run on the positions <see cref="StartRunAsync"/> just opened.</summary>
    protected abstract IProtocolRun NewRun(string directory);

    /// <summary>
    /// The adapter of a protocol on the scenario's world. What this build does not model on the protocol is
    /// refused before anything deploys; <paramref name="deploy"/> deploys its kit on the world's part of
    /// the options, <paramref name="adapter"/> wraps the deployment, and the agents are set up.
    /// </summary>
    protected static async Task<TAdapter> CreateAsync<TAdapter>(
        ExternalProtocol protocol, Scenario scenario, Func<PairMarketOptions, Task<TDeployment>> deploy, Func<TDeployment, TAdapter> adapter, CancellationToken cancellationToken)
        where TAdapter : ExternalLendingAdapter<TDeployment>
    {
        protocol.Refuse(scenario);
        var world = adapter(await deploy(MarketOptions(scenario)));
        await world.SetUpAsync(cancellationToken);
        return world;
    }

    /// <summary>The world's part of the kit's options: the scenario's tokens, pair reserves, initial price and lender supply.</summary>
    private static PairMarketOptions MarketOptions(Scenario scenario)
    {
        var units = WorldKit.Units(scenario);
        var (pairCollateral, pairLoan) = WorldKit.PairReserves(scenario);
        return new PairMarketOptions
        {
            Collateral = WorldKit.CollateralToken(scenario),
            Loan = WorldKit.LoanToken(scenario),
            PairCollateralReserve = pairCollateral,
            PairLoanReserve = pairLoan,
            InitialAnswer = WorldKit.Answer(scenario.Market.InitialPrice),
            LenderSupply = units.LoanBase(scenario.Market.LenderSupply),
        };
    }

    /// <summary>
    /// Automine off, as the pipeline mines every block; then the bots get their capital and approve the
    /// protocol and router, the arbitrageur both assets, the borrowers ether for gas.
    /// </summary>
    private async Task SetUpAsync(CancellationToken cancellationToken)
    {
        var d = Deployment;
        await d.Session.Dev.SetAutomineAsync(false, cancellationToken);
        var arbitrageur = SimulationAccounts.Arbitrageur;
        var borrowers = Enumerable.Range(0, Scenario.Population.Borrowers).Select(SimulationAccounts.Borrower).ToList();
        await d.Session.SetBalancesAsync([.. Liquidators.Select(l => l.Address), arbitrageur, .. borrowers], BigInteger.Pow(10, 24), cancellationToken);
        var txs = new List<TransactionRequest>();
        txs.AddRange(AgentFunding.Arbitrageur(Scenario, Venue, d.Collateral, d.Loan));
        txs.AddRange(AgentFunding.DebtLiquidators(Liquidators, Venue, d.Collateral, d.Loan, d.Protocol));
        await d.Session.MineInBlocksAsync(txs, "funding agents", cancellationToken);
    }
}
