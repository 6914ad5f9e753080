using ProtocolLab.Chain.Contracts;
using ProtocolLab.Chain.Hex;
using ProtocolLab.Chain.Rpc;
using ProtocolLab.Simulation.Agents.Oracle;
using ProtocolLab.Simulation.Agents.Uniswap;
using ProtocolLab.Simulation.Metrics;
using ProtocolLab.Simulation.Scenarios;

namespace ProtocolLab.Simulation.Engine;

/// <summary>
/// The protocol under test as the <see cref="BlockPipeline"/> sees it: one design deployed on the
/// chain with its agents funded, ready for runs. The pipeline trades the venue, keeps time and
/// mines; everything that knows the protocol (positions, liquidation calldata, events) is here.
/// </summary>
internal interface IProtocolAdapter
{
    Scenario Scenario { get; }

    DesignSpec Design { get; }

    /// <summary>The pair both the arbitrageur and forced sellers trade, with its tokens.</summary>
    MarketVenue Venue { get; }

    /// <summary>Accounts whose ether pays the liquidations' gas: what it falls by is their gas cost.</summary>
    IReadOnlyList<Address> GasPayers { get; }

    /// <summary>Contracts whose logs each block's accounting reads (the block loop never reads receipts).</summary>
    IReadOnlyList<Address> EventSources { get; }

    /// <summary>
    /// The protocol's own agents that trade the pair (borrowers who deleverage, hedgers) for the trade
    /// ledger, as of the run started last; the shared world's arbitrageurs and liquidators it knows already.
    /// </summary>
    IReadOnlyList<Trader> Traders => [];

    /// <summary>
    /// Prepares run <paramref name="run"/> on the set-up state (reverted to by the runner): opens that
    /// run's positions and returns the run, which writes its own files into <paramref name="directory"/>.
    /// </summary>
    Task<IProtocolRun> StartRunAsync(int run, string directory, Randomness.SeededRandom agents, CancellationToken cancellationToken);
}

/// <summary>One run of an adapter: the protocol's state as of the last read, and the agents acting on it.</summary>
internal interface IProtocolRun : IDisposable
{
    /// <summary>Calls for this block's read; the pipeline sends them in one batch with the pair's reserves.</summary>
    IReadOnlyList<TransactionRequest> StateCalls();

    /// <summary>The outputs of <see cref="StateCalls"/>, in order: the state every agent sees until the next read.</summary>
    void Observe(IReadOnlyList<byte[]> outputs, PoolReserves pool);

    /// <summary>The price the protocol acts on, in whole loan units per collateral unit.</summary>
    double OraclePrice { get; }

    /// <summary>Positions the protocol would call underwater or liquidatable now.</summary>
    int PositionsUnderwater { get; }

    /// <summary>Positions a bot could liquidate now (health factor below 1) and what they owe.</summary>
    LiquidatableNow Liquidatable { get; }

    /// <summary>What the protocol is owed now (debt, or the options' mark), whole loan units: the base of bad debt %.</summary>
    double Exposure { get; }

    /// <summary>Positions as of the first read (lending writes them, and Perez et al.'s shock curve).</summary>
    void Started();

    /// <summary>The keeper's transactions for this block; true when it pushed <paramref name="decision"/>'s price.</summary>
    bool PlanKeeper(int block, OraclePushDecision decision, List<TransactionRequest> transactions);

    /// <summary>The liquidators' transactions for this block, under its <paramref name="conditions"/>.</summary>
    void PlanLiquidators(int block, BlockConditions conditions, List<TransactionRequest> transactions);

    /// <summary>Borrowers, hedgers: the protocol's own agents, after the liquidators.</summary>
    void PlanAgents(int block, List<TransactionRequest> transactions);

    /// <summary>Liquidations and losses of the block just mined, from its logs (the state is still the block's start).</summary>
    LiquidationTally Account(int block, MinedBlock mined);

    /// <summary>The block's metrics are final (the state is the block's end): files that follow the block series.</summary>
    void Completed(BlockMetrics block);

    /// <summary>The bots' gain over the run, their holdings valued at <paramref name="finalPrice"/>, before gas.</summary>
    double LiquidatorGain(double finalPrice);

    /// <summary>The run is over (the state is the last block's end): closing files, and the protocol's own run metrics.</summary>
    IReadOnlyList<(string Metric, double? Value)> Finish();
}

/// <summary>
/// What every agent knows of the block being built: the external price, the price the keeper pushes
/// in it if it pushes (bots that watch the pending pool back-run it), and the base fee it is built on.
/// </summary>
internal sealed record BlockConditions(double Fundamental, double? PendingOraclePrice, System.Numerics.BigInteger BaseFeeWei);

/// <summary>
/// Positions a liquidator could call now (health factor below 1, something left to seize) and what they
/// owe the protocol, whole loan units (the debt; for options, the writers' liability at the mark).
/// </summary>
internal readonly record struct LiquidatableNow(int Positions, double Debt)
{
    public static LiquidatableNow Of(IReadOnlyList<Agents.Liquidation.PositionSnapshot> positions, Agents.MarketUnits units)
    {
        var count = 0;
        var debt = System.Numerics.BigInteger.Zero;
        foreach (var p in positions.Where(p => p.IsLiquidatable))
        {
            count++;
            debt += p.Debt;
        }
        return new LiquidatableNow(count, units.LoanWhole(debt));
    }
}

/// <summary>The Uniswap V2 pair and tokens of a market: what the arbitrageur and forced sellers trade.</summary>
internal sealed record MarketVenue(Protocols.Uniswap.UniswapV2 Uniswap, Protocols.Uniswap.UniswapV2Pair Pair, Address Collateral, Address Loan, Address Owner, ChainSession Session);

/// <summary>A block's liquidations and losses as one protocol counts them, whole units (collateral seized in collateral, the rest in loan).</summary>
internal sealed record LiquidationTally(
    int Liquidations,
    double CollateralSeized,
    double DebtRepaid,
    double BadDebt,
    double InsuranceDrawn,
    int FailedLiquidations,
    double BadDebtCollateralShortfall)
{
    public static LiquidationTally None { get; } = new(0, 0, 0, 0, 0, 0, 0);
}
