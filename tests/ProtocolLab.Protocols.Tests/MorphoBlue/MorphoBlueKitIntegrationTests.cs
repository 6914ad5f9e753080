using System.Numerics;
using ProtocolLab.Chain.Abi;
using ProtocolLab.Chain.Artifacts;
using ProtocolLab.Chain.Contracts;
using ProtocolLab.Chain.Devnets;
using ProtocolLab.Chain.Hex;
using ProtocolLab.Chain.Rpc;
using ProtocolLab.Protocols.Lending;
using ProtocolLab.Protocols.MorphoBlue;
using ProtocolLab.Protocols.Tests.Support;

namespace ProtocolLab.Protocols.Tests.MorphoBlue;

/// <summary>
/// The real Morpho Blue (Morpho.sol 1.0.0 compiled from its sources) on anvil: positions at several
/// LTVs in an 86% LLTV market, a 24% crash pushed to the feed, every liquidatable position liquidated
/// in one block (partly, wholly, and past its collateral so Morpho realizes bad debt), every number
/// checked against <see cref="MorphoBlueReference"/>; then Morpho's revert strings.
/// </summary>
public sealed class MorphoBlueKitIntegrationTests : IAsyncLifetime
{
    private static readonly BigInteger Weth = BigInteger.Pow(10, 18);
    private static readonly BigInteger Usdc = BigInteger.Pow(10, 6);
    private static readonly BigInteger StartAnswer = 2_000 * BigInteger.Pow(10, 8);
    private static readonly BigInteger CrashAnswer = 1_517_12345678;

    /// <summary>The adapter's 1e36 price for an 8-decimal answer, WETH (18) in USDC (6): answer x 1e16.</summary>
    private static readonly BigInteger PriceScaling = BigInteger.Pow(10, 16);
    private static readonly BigInteger Lltv = Wad.Of(0.86);
    private static readonly BigInteger LenderSupply = 10_000_000 * Usdc;
    private static readonly TxOptions Gas = new() { Gas = 1_500_000 };

    private readonly HttpRequestCounter _requests = new();
    private AnvilDevnet _anvil = null!;
    private JsonRpcClient _rpc = null!;
    private ChainSession _session = null!;
    private MorphoBlueDeployment _morpho = null!;

    public async Task InitializeAsync()
    {
        _anvil = await AnvilDevnet.StartAsync(new AnvilOptions { AutoImpersonate = true });
        _rpc = new JsonRpcClient(_anvil.Rpc.Url, _requests);
        _session = new ChainSession(_rpc);
        _morpho = await MorphoBlueKit.DeployAsync(_session, ArtifactStore.ForRepository(RepoRoot.Find()), _anvil.Accounts[0], new MorphoBlueKitOptions
        {
            Market = TestMarkets.WethUsdc(StartAnswer, LenderSupply),
            Lltv = Lltv,
        });
        await _session.Dev.SetAutomineAsync(false);
    }

    public async Task DisposeAsync()
    {
        _rpc.Dispose();
        await _anvil.DisposeAsync();
    }

    [Fact]
    public async Task DeployAsync_MarketParamsId_IsTheIdMorphoCreatedTheMarketUnder()
    {
        // Given the kit's market, When Morpho is asked for the parameters behind the kit's Id
        var stored = await _morpho.Morpho.CallAsync("idToMarketParams", [_morpho.Params.Id]);

        // Then they are the kit's own: the Id is keccak256 of the ABI-encoded parameters, as Morpho computes it
        Assert.Equal(new object?[] { _morpho.Loan.Address, _morpho.Collateral.Address, _morpho.Oracle.Address, Address.Zero, Lltv }, stored);
        var state = await _morpho.ReadStateAsync([]);
        Assert.Equal(LenderSupply, state.Market.TotalSupplyAssets);
        Assert.Equal(StartAnswer * PriceScaling, state.Price);
    }

    [Fact]
    public async Task Liquidate_AfterCrash_MatchesIndependentRecomputationIncludingBadDebt()
    {
        // Given seven positions from 30% to 85% LTV under an 86% LLTV, and the reference's own books
        var reference = new MorphoBlueReference(Lltv) { TotalSupplyAssets = LenderSupply };
        Assert.Equal(_morpho.IncentiveFactor, reference.IncentiveFactor);
        // (odd amounts and an odd crash price, so every rounding step of Morpho's math bites)
        var plans = new[] { (0.30, 3), (0.50, 5), (0.66, 7), (0.68, 6), (0.70, 2), (0.80, 11), (0.85, 4) }
            .Select((p, i) => Plan(i, (p.Item2 * Weth) + 123_456_789_012_345_677 + (i * 1_000_003), p.Item1)).ToList();
        await OpenAsync(plans);
        var shares = plans.Select(p => reference.Borrow(p.Debt)).ToList();
        var opened = await _morpho.ReadStateAsync(plans.Select(p => p.Borrower).ToList());
        foreach (var ((plan, position), expectedShares) in plans.Zip(opened.Positions).Zip(shares))
            Assert.Equal((plan.Collateral, expectedShares, plan.Debt), (position.Collateral, position.BorrowShares, opened.Borrowed(position)));
        Assert.Equal((reference.TotalBorrowAssets, reference.TotalBorrowShares), (opened.Market.TotalBorrowAssets, opened.Market.TotalBorrowShares));

        // When the feed drops 24%
        await MineAsync([_morpho.Feed.PushAnswer(_morpho.Owner, CrashAnswer, Gas)]);
        var price = CrashAnswer * PriceScaling;
        var requestsBefore = _requests.Count;
        var crashed = await _morpho.ReadStateAsync(plans.Select(p => p.Borrower).ToList());

        // Then the state is read in one JSON-RPC batch, and Morpho's health rule agrees with the reference's
        Assert.Equal(requestsBefore + 1, _requests.Count);
        Assert.Equal(price, crashed.Price);
        var unhealthy = plans.Where((p, i) => !reference.IsHealthy(p.Collateral, shares[i], price)).ToList();
        Assert.Equal(plans.Select(p => !unhealthy.Contains(p)), crashed.Positions.Select(p => crashed.IsHealthy(p, Lltv)));
        Assert.Equal(5, unhealthy.Count);

        // When one liquidator, in one block, seizes half the collateral of the first, repays every share of
        // the ones whose collateral covers that, seizes all the collateral of the rest, and tries each healthy one
        var liquidator = _anvil.Accounts[1];
        await FundLiquidatorAsync(liquidator);
        var calls = new List<TransactionRequest>();
        var expected = new List<MorphoBlueReference.Outcome>();
        var books = plans.Select((p, i) => (p.Collateral, Shares: shares[i])).ToList();
        for (var i = 0; i < plans.Count; i++)
        {
            var plan = plans[i];
            if (!unhealthy.Contains(plan))
            {
                calls.Add(_morpho.LiquidateSeizing(liquidator, plan.Borrower, 1, Gas));
                continue;
            }
            var book = books[i];
            var (seized, repaidShares) = plan == unhealthy[0] ? (book.Collateral / 2, BigInteger.Zero)
                : reference.SeizedForShares(book.Shares, price) <= book.Collateral ? (BigInteger.Zero, book.Shares)
                : (book.Collateral, BigInteger.Zero);
            calls.Add(seized > 0 ? _morpho.LiquidateSeizing(liquidator, plan.Borrower, seized, Gas) : _morpho.LiquidateRepaying(liquidator, plan.Borrower, repaidShares, Gas));
            expected.Add(reference.Liquidate(ref book, seized, repaidShares, price));
            books[i] = book;
        }
        var attempts = await _session.SendAndMineAsync(calls);

        // Then exactly the unhealthy ones succeed, each Liquidate event carrying the reference's numbers to the wei
        Assert.Equal(plans.Select(unhealthy.Contains), attempts.Select(a => a.Succeeded));
        foreach (var ((plan, tx), outcome) in unhealthy.Zip(attempts.Where(a => a.Succeeded)).Zip(expected))
        {
            var evt = Assert.Single(_morpho.DecodeLiquidations(tx.Receipt!.Logs));
            Assert.Equal(
                new MorphoBlueLiquidation(liquidator, plan.Borrower, outcome.RepaidAssets, outcome.RepaidShares, outcome.Seized, outcome.BadDebtAssets, outcome.BadDebtShares),
                evt);
        }

        // And the block covered each branch: a partial seizure, full repayments that leave collateral, and bad debt
        Assert.True(expected[0].BadDebtAssets.IsZero && expected[0].Seized == unhealthy[0].Collateral / 2);
        Assert.Contains(expected.Skip(1), o => o.BadDebtAssets.IsZero);
        Assert.Equal(2, expected.Count(o => o.BadDebtAssets > 0));

        // And the books moved by exactly those amounts: positions, market totals, and the suppliers' assets
        // cut by the bad debt Morpho socialized
        var after = await _morpho.ReadStateAsync(plans.Select(p => p.Borrower).ToList());
        Assert.Equal(books, after.Positions.Select(p => (p.Collateral, p.BorrowShares)));
        Assert.Equal(
            (reference.TotalSupplyAssets, reference.TotalBorrowAssets, reference.TotalBorrowShares),
            (after.Market.TotalSupplyAssets, after.Market.TotalBorrowAssets, after.Market.TotalBorrowShares));
        Assert.Equal(LenderSupply - expected.Aggregate(BigInteger.Zero, (s, o) => s + o.BadDebtAssets), after.Market.TotalSupplyAssets);
        Assert.Equal(expected.Aggregate(BigInteger.Zero, (s, o) => s + o.Seized), await _morpho.Collateral.BalanceOfAsync(liquidator));
    }

    [Fact]
    public async Task Liquidate_HealthyPosition_RevertsWithPositionIsHealthy()
    {
        // Given a position at half its collateral's value
        var plan = Plan(100, 10 * Weth, 0.50);
        await OpenAsync([plan]);
        var liquidator = _anvil.Accounts[1];
        await FundLiquidatorAsync(liquidator);
        await _session.Dev.SetAutomineAsync(true);

        // When a liquidator tries it (without gas, so the call is estimated and its revert decoded)
        var call = _morpho.LiquidateSeizing(liquidator, plan.Borrower, Weth, new TxOptions());
        var error = await Assert.ThrowsAsync<ContractRevertException>(() => _session.SendAsync(call, _morpho.Morpho.Address, "liquidate"));

        // Then Morpho's string says so
        Assert.Equal(MorphoBlueErrors.HealthyPosition, Assert.IsType<RevertReason.ErrorMessage>(error.Reason).Message);
    }

    [Fact]
    public async Task Liquidate_RepayingEveryShareOfAnUnderwaterPosition_PanicsOnUnderflow()
    {
        // Given a position at 85% LTV whose collateral, after a 24% crash, is worth less than its debt plus the incentive
        var plan = Plan(200, 4 * Weth, 0.85);
        await OpenAsync([plan]);
        await MineAsync([_morpho.Feed.PushAnswer(_morpho.Owner, CrashAnswer, Gas)]);
        var liquidator = _anvil.Accounts[1];
        await FundLiquidatorAsync(liquidator);
        var position = Assert.Single((await _morpho.ReadStateAsync([plan.Borrower])).Positions);
        await _session.Dev.SetAutomineAsync(true);

        // When a liquidator asks to repay all its shares
        var call = _morpho.LiquidateRepaying(liquidator, plan.Borrower, position.BorrowShares, new TxOptions());
        var error = await Assert.ThrowsAsync<ContractRevertException>(() => _session.SendAsync(call, _morpho.Morpho.Address, "liquidate"));

        // Then Morpho would seize more collateral than there is, and underflows: the reason liquidators name the seized collateral
        Assert.Equal(0x11, (int)Assert.IsType<RevertReason.Panic>(error.Reason).Code);
    }

    [Fact]
    public async Task Borrow_AboveLltv_RevertsWithInsufficientCollateral()
    {
        // Given collateral supplied, and a borrow of 87% of its value against the 86% LLTV
        var plan = Plan(300, 10 * Weth, 0.87);
        await _session.SetBalancesAsync([plan.Borrower], BigInteger.Pow(10, 22));
        await MineAsync([_morpho.Collateral.Mint(_morpho.Owner, plan.Borrower, plan.Collateral, Gas), .. _morpho.SupplyCollateral(plan.Borrower, plan.Collateral, Gas)]);
        await _session.Dev.SetAutomineAsync(true);

        // When the borrower tries it
        var call = _morpho.Borrow(plan.Borrower, plan.Debt, new TxOptions());
        var error = await Assert.ThrowsAsync<ContractRevertException>(() => _session.SendAsync(call, _morpho.Morpho.Address, "borrow"));

        // Then Morpho's string says so
        Assert.Equal(MorphoBlueErrors.InsufficientCollateral, Assert.IsType<RevertReason.ErrorMessage>(error.Reason).Message);
    }

    private static PositionPlan Plan(int i, BigInteger collateral, double ltv)
    {
        var valueInLoan = collateral * StartAnswer * PriceScaling / MorphoBlueReference.PriceScale;
        return new PositionPlan(BorrowerAddress(i), collateral, (valueInLoan * Wad.Of(ltv) / Wad.One) + 7);
    }

    /// <summary>Mints in one block, then each borrower's approve, supply and borrow in the next (their nonces keep them in order).</summary>
    private async Task OpenAsync(IReadOnlyList<PositionPlan> plans)
    {
        await _session.SetBalancesAsync(plans.Select(p => p.Borrower).ToList(), BigInteger.Pow(10, 22));
        await MineAsync(plans.Select(p => _morpho.Collateral.Mint(_morpho.Owner, p.Borrower, p.Collateral, Gas)).ToList());
        await MineAsync(plans.SelectMany(p => _morpho.SupplyCollateral(p.Borrower, p.Collateral, Gas).Append(_morpho.Borrow(p.Borrower, p.Debt, Gas))).ToList());
    }

    private async Task FundLiquidatorAsync(Address liquidator) => await MineAsync([
        _morpho.Loan.Mint(_morpho.Owner, liquidator, 10_000_000 * Usdc, Gas),
        _morpho.Loan.Approve(liquidator, _morpho.Morpho.Address, BigInteger.Pow(2, 256) - 1, Gas),
    ]);

    private async Task<IReadOnlyList<MinedTransaction>> MineAsync(IReadOnlyList<TransactionRequest> txs) =>
        (await _session.SendAndMineAsync(txs)).EnsureAllSucceeded("test block");

    private static Address BorrowerAddress(int i) => new(Keccak256.Hash($"morpho-borrower-{i}").AsSpan(12));
}
