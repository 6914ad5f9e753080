using System.Numerics;
using ProtocolLab.Chain.Abi;
using ProtocolLab.Chain.Artifacts;
using ProtocolLab.Chain.Contracts;
using ProtocolLab.Chain.Devnets;
using ProtocolLab.Chain.Hex;
using ProtocolLab.Chain.Rpc;
using ProtocolLab.Protocols.AaveV3;
using ProtocolLab.Protocols.Lending;
using ProtocolLab.Protocols.Tests.Support;

namespace ProtocolLab.Protocols.Tests.AaveV3;

/// <summary>
/// The real Aave v3 bytecode on anvil: positions at several LTVs, a 25% crash pushed to the feed,
/// every liquidatable position liquidated in one block, and every number checked against
/// <see cref="AaveV3Reference"/>; then the risk admin's lever.
/// </summary>
public sealed class AaveV3KitIntegrationTests : IAsyncLifetime
{
    private static readonly BigInteger Weth = BigInteger.Pow(10, 18);
    private static readonly BigInteger Usdc = BigInteger.Pow(10, 6);
    private static readonly BigInteger StartPrice = 2_000 * AaveV3Reference.BaseUnit;
    private static readonly BigInteger CrashPrice = 1_500 * AaveV3Reference.BaseUnit;
    private static readonly BigInteger AllAllowed = BigInteger.Pow(2, 256) - 1;
    private static readonly TxOptions Gas = new() { Gas = 1_500_000 };

    private readonly AaveV3Reference _reference = new(18, 6, LiquidationThresholdBps: 8_500, BonusBps: 10_500);
    private readonly HttpRequestCounter _requests = new();
    private AnvilDevnet _anvil = null!;
    private JsonRpcClient _rpc = null!;
    private ChainSession _session = null!;
    private AaveV3Deployment _aave = null!;

    public async Task InitializeAsync()
    {
        _anvil = await AnvilDevnet.StartAsync(new AnvilOptions { AutoImpersonate = true });
        _rpc = new JsonRpcClient(_anvil.Rpc.Url, _requests);
        _session = new ChainSession(_rpc);
        _aave = await AaveV3Kit.DeployAsync(_session, ArtifactStore.ForRepository(RepoRoot.Find()), _anvil.Accounts[0], new AaveV3KitOptions
        {
            Market = TestMarkets.WethUsdc(StartPrice, 10_000_000 * Usdc),
            Ltv = Wad.Of(0.80),
            LiquidationThreshold = Wad.Of(0.85),
            Bonus = Wad.Of(0.05),
        });
        await _session.Dev.SetAutomineAsync(false);
    }

    public async Task DisposeAsync()
    {
        _rpc.Dispose();
        await _anvil.DisposeAsync();
    }

    [Fact]
    public async Task LiquidationCall_AfterCrash_MatchesIndependentRecomputation()
    {
        // Given six positions from 30% to 79% LTV (Aave's max is 80%)
        var plans = new[] { (0.30, 3.0), (0.50, 5.0), (0.65, 7.0), (0.70, 2.0), (0.75, 11.0), (0.79, 4.5) }
            .Select((p, i) => Plan(i, Wad.Of(p.Item2), p.Item1)).ToList();
        await OpenAsync(plans);
        var opened = await _aave.ReadAccountsAsync(plans.Select(p => p.Borrower).ToList());
        foreach (var (plan, account) in plans.Zip(opened))
        {
            Assert.Equal((plan.Collateral, plan.Debt), (account.CollateralBalance, account.VariableDebt));
            Assert.Equal(_reference.HealthFactor(plan.Collateral, plan.Debt, StartPrice), account.HealthFactor);
        }

        // When the feed drops 25%
        await MineAsync([_aave.Feed.PushAnswer(_aave.Owner, CrashPrice, Gas)]);
        var requestsBefore = _requests.Count;
        var crashed = await _aave.ReadAccountsAsync(plans.Select(p => p.Borrower).ToList());

        // Then Aave's account data, read in one JSON-RPC batch, equals the reference's position by position
        Assert.Equal(requestsBefore + 1, _requests.Count);
        foreach (var (plan, account) in plans.Zip(crashed))
        {
            Assert.Equal(_reference.CollateralBase(plan.Collateral, CrashPrice), account.TotalCollateralBase);
            Assert.Equal(_reference.DebtBase(plan.Debt), account.TotalDebtBase);
            Assert.Equal(_reference.HealthFactor(plan.Collateral, plan.Debt, CrashPrice), account.HealthFactor);
        }
        var unhealthy = plans.Where(p => _reference.HealthFactor(p.Collateral, p.Debt, CrashPrice) < AaveV3Reference.Wad).ToList();
        Assert.Equal(4, unhealthy.Count);

        // When one liquidator asks every position for all the close factor allows, in one block
        var liquidator = _anvil.Accounts[1];
        await FundLiquidatorAsync(liquidator);
        var attempts = await _session.SendAndMineAsync(plans.Select(p => _aave.LiquidationCall(liquidator, p.Borrower, AllAllowed, Gas)).ToList());

        // Then exactly the unhealthy ones succeed; the healthy ones revert in the block without disturbing the rest
        Assert.Equal(plans.Select(unhealthy.Contains), attempts.Select(a => a.Succeeded));
        var mined = attempts.Where(a => a.Succeeded).ToList();

        // And every LiquidationCall event carries exactly the reference's repaid debt and seized collateral
        var expected = unhealthy.Select(p => _reference.Liquidate(p.Collateral, p.Debt, CrashPrice, AllAllowed)).ToList();
        foreach (var ((plan, tx), (repaid, seized)) in unhealthy.Zip(mined).Zip(expected))
        {
            var evt = Assert.Single(_aave.DecodeLiquidations(tx.Receipt!.Logs));
            Assert.Equal(new AaveV3Liquidation(_aave.Collateral.Address, _aave.Loan.Address, plan.Borrower, repaid, seized, liquidator, false), evt);
        }

        // And the batch covered each branch: half the debt (HF above 0.95), all of it, and all the collateral
        Assert.Contains(unhealthy.Zip(expected), x => x.Second.Repaid * 2 <= x.First.Debt + 1);
        Assert.Contains(unhealthy.Zip(expected), x => x.Second.Repaid == x.First.Debt && x.Second.Seized < x.First.Collateral);
        Assert.Contains(unhealthy.Zip(expected), x => x.Second.Seized == x.First.Collateral);

        // And the books moved by exactly those amounts; the liquidator holds the seized collateral as the underlying
        var after = await _aave.ReadAccountsAsync(unhealthy.Select(p => p.Borrower).ToList());
        foreach (var ((plan, account), (repaid, seized)) in unhealthy.Zip(after).Zip(expected))
            Assert.Equal((plan.Collateral - seized, plan.Debt - repaid), (account.CollateralBalance, account.VariableDebt));
        Assert.Equal(expected.Aggregate(BigInteger.Zero, (s, e) => s + e.Seized), await _aave.Collateral.BalanceOfAsync(liquidator));
    }

    [Fact]
    public async Task LiquidationCall_HealthyPosition_RevertsWithHealthFactorNotBelowThreshold()
    {
        // Given a position at half the collateral's value
        var plan = Plan(100, 10 * Weth, 0.50);
        await OpenAsync([plan]);
        var liquidator = _anvil.Accounts[1];
        await FundLiquidatorAsync(liquidator);
        await _session.Dev.SetAutomineAsync(true);

        // When a liquidator tries it (without gas, so the call is estimated and its revert decoded)
        var call = _aave.LiquidationCall(liquidator, plan.Borrower, AllAllowed, new TxOptions());
        var error = await Assert.ThrowsAsync<ContractRevertException>(() => _session.SendAsync(call, _aave.Pool.Address, "liquidationCall"));

        // Then Aave's numeric code says HEALTH_FACTOR_NOT_BELOW_THRESHOLD
        Assert.Equal(AaveV3Errors.HealthFactorNotBelowThreshold, Assert.IsType<RevertReason.ErrorMessage>(error.Reason).Message);
    }

    [Fact]
    public async Task Borrow_AboveLtv_RevertsWithCollateralCannotCoverNewBorrow()
    {
        // Given collateral supplied, and a borrow of 81% of its value against the 80% LTV
        var plan = Plan(300, 10 * Weth, 0.81);
        await _session.SetBalancesAsync([plan.Borrower], BigInteger.Pow(10, 22));
        await MineAsync([_aave.Collateral.Mint(_aave.Owner, plan.Borrower, plan.Collateral, Gas), .. _aave.SupplyCollateral(plan.Borrower, plan.Collateral, Gas)]);
        await _session.Dev.SetAutomineAsync(true);

        // When the borrower tries it
        var call = _aave.Borrow(plan.Borrower, plan.Debt, new TxOptions());
        var error = await Assert.ThrowsAsync<ContractRevertException>(() => _session.SendAsync(call, _aave.Pool.Address, "borrow"));

        // Then Aave's numeric code says COLLATERAL_CANNOT_COVER_NEW_BORROW
        Assert.Equal(AaveV3Errors.CollateralCannotCoverNewBorrow, Assert.IsType<RevertReason.ErrorMessage>(error.Reason).Message);
    }

    [Fact]
    public async Task ConfigureReserveAsCollateral_RiskAdminLowersThreshold_HealthFactorFollowsAndLiquidationUsesNewBonus()
    {
        // Given a healthy position at 70% LTV (HF 0.85 / 0.70 = 1.21)
        var plan = Plan(200, 10 * Weth, 0.70);
        await OpenAsync([plan]);
        var before = Assert.Single(await _aave.ReadAccountsAsync([plan.Borrower]));
        Assert.Equal(_reference.HealthFactor(plan.Collateral, plan.Debt, StartPrice), before.HealthFactor);

        // When the risk admin cuts the threshold to 68% and raises the bonus to 8%
        await MineAsync([_aave.ConfigureReserveAsCollateral(_aave.Owner, Wad.Of(0.60), Wad.Of(0.68), Wad.Of(0.08), Gas)]);
        var stricter = _reference with { LiquidationThresholdBps = 6_800, BonusBps = 10_800 };
        var after = Assert.Single(await _aave.ReadAccountsAsync([plan.Borrower]));

        // Then the same position reads the reference's lower health factor, now below 1
        Assert.Equal(6_800, after.CurrentLiquidationThreshold);
        Assert.Equal(stricter.HealthFactor(plan.Collateral, plan.Debt, StartPrice), after.HealthFactor);
        Assert.True(after.HealthFactor < AaveV3Reference.Wad, $"HF {after.HealthFactor} should be liquidatable");

        // And a liquidation seizes with the new 8% bonus
        var liquidator = _anvil.Accounts[1];
        await FundLiquidatorAsync(liquidator);
        var tx = Assert.Single(await MineAsync([_aave.LiquidationCall(liquidator, plan.Borrower, AllAllowed, Gas)]));
        var evt = Assert.Single(_aave.DecodeLiquidations(tx.Receipt!.Logs));
        Assert.Equal(stricter.Liquidate(plan.Collateral, plan.Debt, StartPrice, AllAllowed), (evt.DebtToCover, evt.LiquidatedCollateralAmount));
    }

    [Fact]
    public async Task ConfigureReserveAsCollateral_NotRiskAdmin_RevertsWithCallerNotRiskOrPoolAdmin()
    {
        // Given automine on, When an account without the role tries it
        await _session.Dev.SetAutomineAsync(true);
        var call = _aave.ConfigureReserveAsCollateral(_anvil.Accounts[2], Wad.Of(0.5), Wad.Of(0.6), Wad.Of(0.05), new TxOptions());
        var error = await Assert.ThrowsAsync<ContractRevertException>(() => _session.SendAsync(call, _aave.Configurator.Address, "configureReserveAsCollateral"));

        // Then Aave's numeric code says CALLER_NOT_RISK_OR_POOL_ADMIN
        Assert.Equal(AaveV3Errors.CallerNotRiskOrPoolAdmin, Assert.IsType<RevertReason.ErrorMessage>(error.Reason).Message);
    }

    [Fact]
    public void ConfigureReserveAsCollateral_ThresholdNotWholeBps_ThrowsBeforeSending()
    {
        // Given Aave's bps, When a threshold of 80.005% is asked for, Then it is refused rather than truncated to 80%
        var error = Assert.Throws<ArgumentOutOfRangeException>(
            () => _aave.ConfigureReserveAsCollateral(_aave.Owner, Wad.Of(0.7), Wad.Of(0.80005), Wad.Of(0.05), Gas));
        Assert.Equal("liquidationThreshold", error.ParamName);
    }

    private PositionPlan Plan(int i, BigInteger collateral, double ltv)
    {
        var valueInLoan = _reference.CollateralBase(collateral, StartPrice) * Usdc / AaveV3Reference.BaseUnit;
        return new PositionPlan(BorrowerAddress(i), collateral, valueInLoan * Wad.Of(ltv) / Wad.One);
    }

    /// <summary>Mints in one block, then each borrower's approve, supply and borrow in the next (their nonces keep them in order).</summary>
    private async Task OpenAsync(IReadOnlyList<PositionPlan> plans)
    {
        await _session.SetBalancesAsync(plans.Select(p => p.Borrower).ToList(), BigInteger.Pow(10, 22));
        await MineAsync(plans.Select(p => _aave.Collateral.Mint(_aave.Owner, p.Borrower, p.Collateral, Gas)).ToList());
        await MineAsync(plans.SelectMany(p => _aave.SupplyCollateral(p.Borrower, p.Collateral, Gas).Append(_aave.Borrow(p.Borrower, p.Debt, Gas))).ToList());
    }

    private async Task FundLiquidatorAsync(Address liquidator) => await MineAsync([
        _aave.Loan.Mint(_aave.Owner, liquidator, 10_000_000 * Usdc, Gas),
        _aave.Loan.Approve(liquidator, _aave.Pool.Address, AllAllowed, Gas),
    ]);

    private async Task<IReadOnlyList<MinedTransaction>> MineAsync(IReadOnlyList<TransactionRequest> txs) =>
        (await _session.SendAndMineAsync(txs)).EnsureAllSucceeded("test block");

    private static Address BorrowerAddress(int i) => new(Keccak256.Hash($"aave-borrower-{i}").AsSpan(12));
}
