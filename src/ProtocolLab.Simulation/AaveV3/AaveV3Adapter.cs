using System.Numerics;
using ProtocolLab.Chain;
using ProtocolLab.Chain.Artifacts;
using ProtocolLab.Chain.Contracts;
using ProtocolLab.Chain.Hex;
using ProtocolLab.Chain.Rpc;
using ProtocolLab.Protocols;
using ProtocolLab.Protocols.AaveV3;
using ProtocolLab.Simulation.Agents;
using ProtocolLab.Simulation.Agents.Borrowers;
using ProtocolLab.Simulation.Engine;
using ProtocolLab.Simulation.Randomness;
using ProtocolLab.Simulation.Scenarios;

namespace ProtocolLab.Simulation.AaveV3;

/// <summary>
/// Aave v3 (the real @aave/core-v3 bytecode) as a protocol adapter: the design's LTV, threshold and
/// bonus configure the collateral reserve; the scenario's feed prices it through AaveOracle; the
/// scenario's bots call liquidationCall under Aave's own close-factor rule. Each run supplies and
/// borrows its own population's positions on the set-up state.
/// </summary>
internal sealed class AaveV3Adapter : IProtocolAdapter
{
    private static readonly TxOptions SetupGas = new() { Gas = 600_000 };

    private AaveV3Adapter(Scenario scenario, DesignSpec design, AaveV3Deployment deployment)
    {
        Scenario = scenario;
        Design = design;
        Deployment = deployment;
        Units = WorldKit.Units(scenario);
        Liquidators = LiquidatorAgent.Of(scenario);
        Venue = new MarketVenue(deployment.Uniswap, deployment.Pair, deployment.Collateral.Address, deployment.Loan.Address, deployment.Owner, deployment.Session);
    }

    public Scenario Scenario { get; }

    public DesignSpec Design { get; }

    public AaveV3Deployment Deployment { get; }

    public MarketUnits Units { get; }

    public IReadOnlyList<LiquidatorAgent> Liquidators { get; }

    public MarketVenue Venue { get; }

    /// <summary>The current run's borrowers (set by <see cref="StartRunAsync"/>).</summary>
    public IReadOnlyList<Address> Borrowers { get; private set; } = [];

    public IReadOnlyList<Address> GasPayers => Liquidators.Select(l => l.Address).ToList();

    /// <summary>LiquidationCall is emitted by a library the pool delegatecalls: the pool proxy's logs.</summary>
    public IReadOnlyList<Address> EventSources => [Deployment.Pool.Address];

    public static async Task<AaveV3Adapter> CreateAsync(
        ChainSession session, ArtifactStore artifacts, Address owner, Scenario scenario, DesignSpec design, CancellationToken cancellationToken)
    {
        Refuse(scenario);
        var units = WorldKit.Units(scenario);
        var (pairCollateral, pairLoan) = WorldKit.PairReserves(scenario);
        var deployment = await AaveV3Kit.DeployAsync(session, artifacts, owner, new AaveV3KitOptions
        {
            Collateral = WorldKit.CollateralToken(scenario),
            Loan = WorldKit.LoanToken(scenario),
            PairCollateralReserve = pairCollateral,
            PairLoanReserve = pairLoan,
            InitialAnswer = WorldKit.Answer(scenario.Market.InitialPrice),
            Ltv = Wad.Of(design.Base.InitialLtv),
            LiquidationThreshold = Wad.Of(design.Base.LiquidationThreshold),
            Bonus = Wad.Of(design.Base.Bonus),
            LenderSupply = units.LoanBase(scenario.Market.LenderSupply),
        }, cancellationToken);
        var adapter = new AaveV3Adapter(scenario, design, deployment);
        await session.Dev.SetAutomineAsync(false, cancellationToken);
        await adapter.FundAgentsAsync(cancellationToken);
        return adapter;
    }

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
        await session.MineInBlocksAsync(mints, "minting Aave collateral", cancellationToken);
        await session.MineInBlocksAsync(supplies, "supplying Aave collateral", cancellationToken);
        await session.MineInBlocksAsync(borrows, "borrowing from Aave", cancellationToken);
        return new AaveV3Run(this, directory);
    }

    /// <summary>What this adapter does not model yet is refused before anything deploys.</summary>
    private static void Refuse(Scenario scenario)
    {
        if (scenario.Oracle.Mode is OracleMode.Twap or OracleMode.Spot)
            throw new UserInputException($"{scenario.SourcePath}: oracle.mode: aave-v3 reads the keeper's pushed feed through AaveOracle; use exogenous, chainlink or market");
        if (scenario.Population.Behaviours.Any(b => b is not PassiveBehaviourSpec && b.Share > 0))
            throw new UserInputException($"{scenario.SourcePath}: population.behaviours: aave-v3 borrowers are passive in this build (no top-up or deleverage on Aave yet)");
        if (scenario.Population.OpeningPrice is not null)
            throw new UserInputException($"{scenario.SourcePath}: population.openingPrice: aave-v3 opens every position at the initial price in this build");
        if (scenario.Protocol.InsuranceFund > 0)
            throw new UserInputException($"{scenario.SourcePath}: protocol.insuranceFund: Aave v3 has no insurance fund that covers bad debt (its treasury takes a protocol fee); remove it");
    }

    /// <summary>Bots get their capital and approve the pool and router; the arbitrageur both assets; borrowers ether for gas.</summary>
    private async Task FundAgentsAsync(CancellationToken cancellationToken)
    {
        var d = Deployment;
        var arbitrageur = SimulationAccounts.Arbitrageur;
        var borrowers = Enumerable.Range(0, Scenario.Population.Borrowers).Select(SimulationAccounts.Borrower).ToList();
        await d.Session.SetBalancesAsync([.. Liquidators.Select(l => l.Address), arbitrageur, .. borrowers], BigInteger.Pow(10, 24), cancellationToken);
        var txs = new List<TransactionRequest>();
        txs.AddRange(AgentFunding.Arbitrageur(Scenario, Venue, d.Collateral, d.Loan));
        txs.AddRange(AgentFunding.DebtLiquidators(Liquidators, Venue, d.Collateral, d.Loan, d.Pool.Address));
        await d.Session.MineInBlocksAsync(txs, "funding agents", cancellationToken);
    }
}
