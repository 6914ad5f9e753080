namespace ProtocolLab.Simulation.Metrics;

/// <summary>Which protocols measure a metric.</summary>
public enum MetricScope
{
    /// <summary>Every protocol: measured from the block series by the pipeline.</summary>
    Every,

    /// <summary>Debt protocols (ProtocolLab's market, Aave v3, Morpho Blue): their liquidator bots' lags.</summary>
    Debt,

    /// <summary>The options vault.</summary>
    Options,

    /// <summary>Runs with liquidity providers (agents.liquidityProviders), whatever the protocol.</summary>
    LiquidityProviders,
}

/// <summary>
/// One run-level metric: its name (the key in summary.json, the row of the comparison table, the
/// metric a budget names), JSON type, definition (docs/results-schema.md's row), which protocols have
/// it, and how a run's value is read. Runs aggregate every metric the same way (mean, 95% interval,
/// p95, min, max: <see cref="MetricStatistics"/>) and designs pair by run (<see cref="PairedDifference"/>).
/// </summary>
public sealed record MetricDescriptor(string Name, string Label, MetricUnit Unit, string Type, string Definition, MetricScope Scope, Func<RunSummary, double?> Value);

/// <summary>What a metric counts, for display: loan and collateral amounts take the scenario's symbols.</summary>
public enum MetricUnit
{
    Count,
    Collateral,
    Loan,
    Blocks,
    Fraction,
    Percent,
    Ratio,
    Gas,
}

/// <summary>Every run-level metric, in report order: the one place a metric is defined.</summary>
public static class MetricCatalog
{
    public static IReadOnlyList<MetricDescriptor> All { get; } =
    [
        Core("liquidationCount", "Liquidations", MetricUnit.Count, "integer", "sum of `liquidations` over all blocks", s => s.LiquidationCount),
        Core("collateralSeized", "Collateral seized", MetricUnit.Collateral, "number", "sum of `collateralSeized`", s => s.CollateralSeized),
        Core("liquidationVolume", "Liquidation volume (debt repaid)", MetricUnit.Loan, "number", "sum of `debtRepaid`", s => s.LiquidationVolume),
        Core("cascadeRounds", "Cascade rounds (blocks with liquidations after the shock)", MetricUnit.Count, "integer", "number of blocks >= `shockBlock` with at least one liquidation", s => s.CascadeRounds),
        Core("cascadeDurationBlocks", "Cascade duration", MetricUnit.Blocks, "integer", "last - first such block + 1; 0 when there is none", s => s.CascadeDurationBlocks),
        Core("peakLiquidationVolumePerBlock", "Peak liquidation volume in one block", MetricUnit.Loan, "number", "largest `debtRepaid` of a block", s => s.PeakLiquidationVolumePerBlock),
        Core("badDebt", "Bad debt", MetricUnit.Loan, "number", "sum of `badDebt`", s => s.BadDebt),
        Core("badDebtPercentOfInitialDebt", "Bad debt, share of initial debt", MetricUnit.Percent, "number", "badDebt / total debt right after positions opened x 100; 0 when there was no debt", s => s.BadDebtPercentOfInitialDebt),
        Core("badDebtCollateralShortfall", "Bad debt: collateral shortfall", MetricUnit.Loan, "number", "the part of `badDebt` where collateral was worth less than debt at the oracle price", s => s.BadDebtCollateralShortfall),
        Core("badDebtBonusPaid", "Bad debt: bonus paid on solvent positions", MetricUnit.Loan, "number",
            "the rest of `badDebt`: the liquidation bonus lenders paid when a position with debt < collateral < debt x (1 + bonus) was seized whole (Aave and Morpho do the same)",
            s => s.BadDebtBonusPaid),
        Core("insuranceDrawn", "Insurance fund drawn", MetricUnit.Loan, "number", "sum of `insuranceDrawn`", s => s.InsuranceDrawn),
        Core("liquidatorPnl", "Liquidator PnL", MetricUnit.Loan, "number", "liquidators' final value minus initial capital, inventory marked at the final fundamental price", s => s.LiquidatorPnl),
        Core("maxFundamentalDrawdown", "Max fundamental drawdown", MetricUnit.Fraction, "number", "max over t of 1 - p[t] / max(p[0..t]) for the fundamental price (0.3 for a 30% crash)", s => s.MaxFundamentalDrawdown),
        Core("maxOracleDrawdown", "Max oracle drawdown", MetricUnit.Fraction, "number", "the same for the oracle price (blocks without an answer skipped)", s => s.MaxOracleDrawdown),
        Core("amplificationRatio", "Amplification (oracle / fundamental drawdown)", MetricUnit.Ratio, "number or null",
            "maxOracleDrawdown / maxFundamentalDrawdown; when the fundamental price never fell: 1 if the oracle did not either, null (undefined) if it did",
            s => s.AmplificationRatio),
        Core("maxOracleGap", "Max oracle gap to the fundamental price", MetricUnit.Fraction, "number or null",
            "the largest abs(oraclePrice - fundamentalPrice) / fundamentalPrice over the blocks: how far the price the market acted on strayed from the true price (the per-block series is those two columns of `blocks.jsonl`); null when no block had both",
            s => s.MaxOracleGap),
        Core("peakLiquidatableDebtPercent", "Peak liquidation backlog, share of initial debt", MetricUnit.Percent, "number",
            "largest `liquidatableDebt` at a block's end / total debt right after positions opened x 100: debt the bots could have liquidated and had not yet (congestion, a pause, too little capital); 0 when there was no debt",
            s => s.PeakLiquidatableDebtPercent),
        Core("failedLiquidations", "Failed (raced) liquidation transactions", MetricUnit.Count, "integer", "sum of `failedLiquidations`", s => s.FailedLiquidations),
        Core("gasUsed", "Gas used", MetricUnit.Gas, "integer", "sum of `gasUsed`", s => s.GasUsed),
        Measured("liquidatorSalesIntoPair", "Collateral liquidators sold into the pair", MetricUnit.Collateral, "number", MetricScope.Every,
            "collateral the liquidator bots sold on the pair over the run (`trades.csv` rows of role `liquidation`, side `sell`): the forced selling that moves the price, whatever mechanism seized it"),
        Measured("sameBlockLiquidationShare", "Liquidations in the oracle update's block", MetricUnit.Fraction, "number or null", MetricScope.Debt,
            "share of liquidations that landed in the block of the oracle update that made the position liquidatable (a bot that watches the pending pool back-runs the update); null when there was none"),
        Measured("meanLiquidationLagBlocks", "Mean lag from oracle update to liquidation", MetricUnit.Blocks, "number or null", MetricScope.Debt,
            "mean blocks from the oracle update that made a position liquidatable to each of its liquidations (0 = the same block); null when there was none"),
        Measured("circuitBreakerTrips", "Circuit breaker trips", MetricUnit.Count, "integer", MetricScope.Debt,
            "blocks in which the design's circuit breaker saw the oracle move more than `maxMove` within its window (each extends the pause); only designs with `circuitBreaker`"),
        Measured("liquidationsPausedBlocks", "Blocks with liquidations paused", MetricUnit.Blocks, "integer", MetricScope.Debt,
            "simulated blocks whose number was below the breaker's `pausedUntil` at their end; only designs with `circuitBreaker`"),
        Measured("auctionsStarted", "Auctions started", MetricUnit.Count, "integer", MetricScope.Debt,
            "positions the market handed to the design's auction house (Kick events); only designs with `liquidation: dutchAuction` or `englishAuction`"),
        Measured("auctionTakes", "Auction takes", MetricUnit.Count, "integer", MetricScope.Debt, "purchases from running Dutch auctions (Take events), partial or whole"),
        Measured("auctionBids", "Auction bids", MetricUnit.Count, "integer", MetricScope.Debt,
            "bids that landed in English auctions: tends (a higher bid for the whole lot) and dents (less collateral for the tab)"),
        Measured("auctionResets", "Auction resets", MetricUnit.Count, "integer", MetricScope.Debt,
            "stale auctions restarted: a Dutch auction at a new start price (older than `resetAfterSeconds`, or below `resetBelow` of its start), an English auction that ended with no bid (tick)"),
        Measured("auctionCollateralSold", "Collateral sold in auctions", MetricUnit.Collateral, "number", MetricScope.Debt, "collateral the takers bought (Dutch), or the winners received when their auctions were dealt (English)"),
        Measured("auctionPriceToFundamental", "Auction price / fundamental price", MetricUnit.Ratio, "number or null", MetricScope.Debt,
            "what takers or winners paid over the collateral's value at the external price of their block (an English auction's at its deal); 1 = sold at the market, below 1 = a discount; null without sales"),
        Measured("auctionsEndedWithBadDebt", "Auctions that left bad debt", MetricUnit.Count, "integer", MetricScope.Debt,
            "auctions whose lot ran out (Dutch), or whose winning bid fell short (English), before the debt was raised; the rest of the debt was written off"),
        Measured("auctionsRunningAtEnd", "Auctions still running at the end", MetricUnit.Count, "integer", MetricScope.Debt,
            "auctions not settled when the run ended: their debt is still owed, not yet bad debt"),
        Measured("auctionCollateralReturned", "Collateral returned to borrowers", MetricUnit.Collateral, "number", MetricScope.Debt,
            "collateral an auction had left when it raised its tab (Dutch), or that dents gave up (English), sent back to the borrower"),
        Measured("zeroBidWins", "Auctions won for next to nothing", MetricUnit.Count, "integer", MetricScope.Debt,
            "auction sales paid below 1% of the collateral's value at the external price (English auctions: deals; Dutch auctions: takes): the zero bids of 12 March 2020, won when no other bid got in"),
        Measured("poolAbsorptions", "Positions absorbed by the stability pool", MetricUnit.Count, "integer", MetricScope.Debt,
            "positions the pool repaid whole and took the collateral of (Absorb events); only designs with `liquidation: stabilityPool`"),
        Measured("poolAbsorbedDebt", "Debt absorbed by the pool", MetricUnit.Loan, "number", MetricScope.Debt, "debt the pool's deposits repaid"),
        Measured("poolAbsorbedCollateral", "Collateral absorbed by the pool", MetricUnit.Collateral, "number", MetricScope.Debt,
            "collateral the pool took (the callers' share included), none of it sold into the pair"),
        Measured("poolDepositsUsedShare", "Share of the pool's deposits used", MetricUnit.Fraction, "number or null", MetricScope.Debt,
            "1 - the pool's loan balance at the end / at the start; null for an empty pool"),
        Measured("optionLiquidations", "Option liquidations", MetricUnit.Count, "integer", MetricScope.Options, "sum of `optionLiquidations` of `options-blocks.jsonl`"),
        Measured("hedgeVolume", "Hedge volume", MetricUnit.Collateral, "number", MetricScope.Options, "underlying the delta hedgers traded, both ways"),
        Measured("peakHedgeVolumePerBlock", "Peak hedge volume in one block", MetricUnit.Collateral, "number", MetricScope.Options, "largest `hedgeVolume` of a block"),
        Measured("hedgeSold", "Hedge sales", MetricUnit.Collateral, "number", MetricScope.Options, "of `hedgeVolume`, the underlying the hedgers sold"),
        Measured("vaultShortfall", "Vault shortfall", MetricUnit.Loan, "number", MetricScope.Options, "loan asset the seized collateral of liquidated writers could not cover"),
        Measured("minPairDepthShare", "Min pair depth (loan reserve / initial)", MetricUnit.Fraction, "number or null", MetricScope.LiquidityProviders,
            "min over blocks of `pairLoanReserve` / block 0's `pairLoanReserve`: how thin the pair's loan side got, by forced sales and withdrawals together; null when block 0's was 0"),
        Measured("liquidityWithdrawals", "Liquidity withdrawals", MetricUnit.Count, "integer", MetricScope.LiquidityProviders,
            "times a liquidity provider's LP tokens left the pair (removeLiquidity landed) over the run"),
    ];

    public static IReadOnlyList<string> Names { get; } = All.Select(m => m.Name).ToList();

    /// <summary>The metrics a set of runs has: every core one, and those the runs measured (a run of one adapter measures the same ones).</summary>
    public static IReadOnlyList<MetricDescriptor> Of(IReadOnlyList<RunSummary> runs) =>
        All.Where(m => m.Scope == MetricScope.Every || runs.Any(r => r.Measured.ContainsKey(m.Name))).ToList();

    /// <summary>The markdown rows of docs/results-schema.md's run table for these metrics.</summary>
    public static IEnumerable<string> MarkdownRows(MetricScope scope) =>
        All.Where(m => m.Scope == scope).Select(m => $"| `{m.Name}` | {m.Type} | {m.Definition} |");

    /// <summary>The descriptor of <paramref name="name"/>, or null for a name the catalog does not hold.</summary>
    public static MetricDescriptor? Find(string name) => All.FirstOrDefault(m => m.Name == name);

    private static MetricDescriptor Core(string name, string label, MetricUnit unit, string type, string definition, Func<RunSummary, double?> value) =>
        new(name, label, unit, type, definition, MetricScope.Every, value);

    private static MetricDescriptor Measured(string name, string label, MetricUnit unit, string type, MetricScope scope, string definition) =>
        new(name, label, unit, type, definition, scope, s => s.Measured.TryGetValue(name, out var v) ? v : null);
}
