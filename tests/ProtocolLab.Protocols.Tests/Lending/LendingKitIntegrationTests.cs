using System.Numerics;
using ProtocolLab.Chain.Artifacts;
using ProtocolLab.Chain.Contracts;
using ProtocolLab.Chain.Devnets;
using ProtocolLab.Chain.Hex;
using ProtocolLab.Protocols.Bindings;
using ProtocolLab.Protocols.Lending;
using ProtocolLab.Protocols.Markets;

namespace ProtocolLab.Protocols.Tests.Lending;

/// <summary>
/// A full market on a real anvil: 100 positions with varied leverage, a 30% oracle drop,
/// every liquidatable position liquidated in one block, and every number checked against
/// <see cref="LendingReference"/>.
/// </summary>
public sealed class LendingKitIntegrationTests : IAsyncLifetime
{
    private const int Borrowers = 100;
    private static readonly BigInteger Weth = BigInteger.Pow(10, 18);
    private static readonly BigInteger Usdc = BigInteger.Pow(10, 6);
    private static readonly BigInteger StartPrice = 2_000 * BigInteger.Pow(10, 8);
    private static readonly BigInteger CrashPrice = 1_400 * BigInteger.Pow(10, 8);

    private readonly LendingReference _reference = new(18, 6, Wad.Of(0.8), Wad.Of(0.5), Wad.Of(0.05), 10 * Usdc);
    private AnvilDevnet _anvil = null!;
    private ChainSession _session = null!;
    private LendingDeployment _market = null!;

    public async Task InitializeAsync()
    {
        _anvil = await AnvilDevnet.StartAsync(new AnvilOptions { AutoImpersonate = true, BlockGasLimit = 3_000_000_000 });
        _session = new ChainSession(_anvil.Rpc);
        var artifacts = ArtifactStore.ForRepository(RepoRoot.Find());
        _market = await LendingKit.DeployAsync(_session, artifacts, _anvil.Accounts[0], new LendingKitOptions
        {
            Collateral = new TokenConfig("Wrapped Ether", "WETH", 18),
            Loan = new TokenConfig("USD Coin", "USDC", 6),
            PairCollateralReserve = 1_000 * Weth,
            PairLoanReserve = 2_000_000 * Usdc,
            InitialAnswer = StartPrice,
            Margin = new FixedMarginConfig(Wad.Of(0.75), _reference.LiquidationThreshold, _reference.CloseFactor, _reference.Bonus),
            DustThreshold = _reference.Dust,
            Rates = new LendingMarket.RateParams(0, 0, 0, Wad.Of(0.8)),
            LenderSupply = 50_000_000 * Usdc,
        });
        await _session.Dev.SetAutomineAsync(false);
    }

    public async Task DisposeAsync() => await _anvil.DisposeAsync();

    [Fact]
    public async Task Crash_LiquidateEveryUnhealthyPosition_MatchesOffChainRecomputation()
    {
        // Given 100 positions from 30% to 100% of the initial LTV, with collateral from 1 to ~37 WETH
        var plans = Enumerable.Range(0, Borrowers).Select(i =>
        {
            var collateral = Weth + (Weth * 37 * i / 100);
            var leverage = Wad.Of(0.30) + (Wad.Of(0.70) * (i % 20) / 19);
            var maxDebt = _reference.ValueDown(collateral, StartPrice) * Wad.Of(0.75) / Wad.One;
            return new PositionPlan(BorrowerAddress(i), collateral, maxDebt * leverage / Wad.One);
        }).ToList();
        await PositionOpener.OpenAsync(_market, plans);

        // When the oracle drops 30% and a liquidator asks to repay every unhealthy position in full
        await MineAsync([_market.PushFeed!.PushAnswer(_market.Owner, CrashPrice, Gas)]);
        var views = await _market.Lens.PositionsInRangeAsync(_market.Market.Address, 0, Borrowers);
        var expected = plans.ToDictionary(p => p.Borrower, p => (p.Collateral, p.Debt));
        var unhealthy = plans.Where(p => _reference.HealthFactor(p.Collateral, p.Debt, CrashPrice) < Wad.One).ToList();
        var liquidator = _anvil.Accounts[1];
        await MineAsync([
            _market.Loan.Mint(_market.Owner, liquidator, 100_000_000 * Usdc, Gas),
            _market.Loan.Approve(liquidator, _market.Market.Address, BigInteger.Pow(2, 255), Gas),
        ]);
        var mined = await MineAsync(unhealthy.Select(p => _market.Market.Liquidate(liquidator, p.Borrower, p.Debt, Gas)).ToList());

        // Then the lens agreed with the reference on every health factor before liquidation
        Assert.Equal(Borrowers, views.Count);
        foreach (var view in views)
        {
            var (collateral, debt) = expected[view.Borrower];
            Assert.Equal(collateral, view.Collateral);
            Assert.Equal(debt, view.Debt);
            Assert.Equal(_reference.HealthFactor(collateral, debt, CrashPrice), view.HealthFactor);
        }

        // And each liquidation emitted exactly the reference's repaid, seized and bad debt
        Assert.InRange(unhealthy.Count, 10, 90);
        var badDebtTotal = BigInteger.Zero;
        foreach (var (plan, tx) in unhealthy.Zip(mined))
        {
            var evt = Assert.Single(_market.Market.DecodeLiquidateEvents(tx.Receipt!));
            var (repaid, seized, badDebt) = _reference.LiquidateAll(plan.Collateral, plan.Debt, CrashPrice);
            Assert.Equal((plan.Borrower, liquidator), (evt.Borrower, evt.Liquidator));
            Assert.Equal((repaid, seized, badDebt), (evt.Repaid, evt.Seized, evt.BadDebt));
            expected[plan.Borrower] = (plan.Collateral - seized, plan.Debt - repaid - badDebt);
            badDebtTotal += badDebt;
        }
        Assert.True(badDebtTotal > 0, "a 30% drop on positions near max LTV should leave some bad debt");

        // And every position and the market totals now equal the reference's books
        var after = await _market.Lens.PositionsInRangeAsync(_market.Market.Address, 0, Borrowers);
        foreach (var view in after)
            Assert.Equal(expected[view.Borrower], (view.Collateral, view.Debt));
        var totals = await _market.Lens.MarketTotalsAsync(_market.Market.Address);
        Assert.Equal(expected.Values.Aggregate(BigInteger.Zero, (s, p) => s + p.Collateral), totals.TotalCollateral);
        Assert.Equal(expected.Values.Aggregate(BigInteger.Zero, (s, p) => s + p.Debt), totals.TotalBorrowAssets);
        Assert.Equal(badDebtTotal, totals.TotalBadDebt);
    }

    [Fact]
    public async Task Liquidate_HealthyPosition_RevertsWithPositionNotLiquidatable()
    {
        // Given one position at half the initial LTV
        var borrower = BorrowerAddress(1_000);
        await PositionOpener.OpenAsync(_market, [new PositionPlan(borrower, 10 * Weth, 5_000 * Usdc)]);
        await _session.Dev.SetAutomineAsync(true);

        // When a liquidator tries it, Then the revert names the error and the health factor
        var error = await Assert.ThrowsAsync<ContractRevertException>(
            () => _market.Market.LiquidateAsync(_anvil.Accounts[1], borrower, 1_000 * Usdc));
        Assert.Equal(LendingMarket.Errors.PositionNotLiquidatable, error.ErrorName);
        Assert.Equal(_reference.HealthFactor(10 * Weth, 5_000 * Usdc, StartPrice), Assert.IsType<Chain.Abi.RevertReason.CustomError>(error.Reason).Arguments[0]);
    }

    private static readonly TxOptions Gas = new() { Gas = 1_000_000 };

    private async Task<IReadOnlyList<MinedTransaction>> MineAsync(IReadOnlyList<Chain.Rpc.TransactionRequest> txs) =>
        (await _session.SendAndMineAsync(txs)).EnsureAllSucceeded("test block");

    private static Address BorrowerAddress(int i) => new(Keccak256.Hash($"borrower-{i}").AsSpan(12));
}
