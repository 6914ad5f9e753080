using System.Numerics;
using ProtocolLab.Chain.Artifacts;
using ProtocolLab.Chain.Contracts;
using ProtocolLab.Chain.Hex;
using ProtocolLab.Protocols.Bindings;
using ProtocolLab.Protocols.Markets;

namespace ProtocolLab.Protocols.AaveV3;

/// <summary>
/// Deploys the real Aave v3 protocol (the compiled artifacts of @aave/core-v3 1.19.3, not
/// re-compiled) over the same two test tokens and seeded Uniswap V2 pair as LendingKit, so the
/// engine can trade the pair against it. The owner is ACL admin, pool admin and risk admin, keeps
/// the collateral's PushFeed and supplies the loan asset.
/// </summary>
public static class AaveV3Kit
{
    public const int FeedDecimals = 8;

    /// <summary>Aave's base currency unit: prices are USD with 8 decimals (address 0 means USD).</summary>
    public static readonly BigInteger BaseCurrencyUnit = BigInteger.Pow(10, FeedDecimals);

    private static readonly BigInteger RayPerWad = BigInteger.Pow(10, 9);

    public static async Task<AaveV3Deployment> DeployAsync(
        ChainSession session, ArtifactStore artifacts, Address owner, AaveV3KitOptions options, CancellationToken cancellationToken = default)
    {
        // Validate every ratio before the first transaction, not halfway through a deployment.
        var ltv = AaveBps.FromWad(options.Ltv, nameof(options.Ltv));
        var threshold = AaveBps.FromWad(options.LiquidationThreshold, nameof(options.LiquidationThreshold));
        var bonus = AaveBps.BonusFromWad(options.Bonus, nameof(options.Bonus));

        var (collateral, loan, uniswap, pair) = await TokenPairMarket.DeployAsync(session, artifacts, owner, options.Market, cancellationToken);
        var feed = await PushFeed.DeployAsync(
            session, artifacts, owner, FeedDecimals, $"{options.Market.Collateral.Symbol} / USD", owner, cancellationToken: cancellationToken);
        await feed.PushAnswerAsync(owner, options.Market.InitialAnswer, cancellationToken: cancellationToken);
        var adapter = await AaveFeedAdapter.DeployAsync(session, artifacts, owner, feed.Address, cancellationToken: cancellationToken);

        var deploy = new Deploy(session, artifacts, owner, cancellationToken);
        var provider = await deploy.ContractAsync("PoolAddressesProvider", options.MarketId, owner);
        // ACLManager's constructor grants the admin role to the provider's ACL admin, so that comes first.
        await deploy.SendAsync(provider, "setACLAdmin", owner);
        var acl = await deploy.ContractAsync("ACLManager", provider.Address);
        await deploy.SendAsync(provider, "setACLManager", acl.Address);
        await deploy.SendAsync(acl, "addPoolAdmin", owner);
        await deploy.SendAsync(acl, "addRiskAdmin", owner);

        // setPoolImpl / setPoolConfiguratorImpl create the proxies and call initialize(provider) on them.
        var poolImpl = await deploy.ContractAsync("Pool", provider.Address);
        await deploy.SendAsync(provider, "setPoolImpl", poolImpl.Address);
        var pool = await deploy.ProxyAsync(provider, "getPool", poolImpl);
        var configuratorImpl = await deploy.ContractAsync("PoolConfigurator");
        await deploy.SendAsync(provider, "setPoolConfiguratorImpl", configuratorImpl.Address);
        var configurator = await deploy.ProxyAsync(provider, "getPoolConfigurator", configuratorImpl);

        // AaveOracle reads sources through latestAnswer() only: the adapter serves it from our feed,
        // and Aave's own constant MockAggregator prices the loan asset at 1 USD.
        var loanPrice = await deploy.ContractAsync("MockAggregator", BaseCurrencyUnit);
        var oracle = await deploy.ContractAsync(
            "AaveOracle", provider.Address, new object?[] { collateral.Address, loan.Address }, new object?[] { adapter.Address, loanPrice.Address },
            Address.Zero, Address.Zero, BaseCurrencyUnit);
        await deploy.SendAsync(provider, "setPriceOracle", oracle.Address);

        var reserves = await InitReservesAsync(deploy, provider, pool, configurator, owner, options, collateral, loan);
        await deploy.SendAsync(configurator, "configureReserveAsCollateral", collateral.Address, ltv, threshold, bonus);
        // Explicit although 0 is the default: the liquidation sizing the tests recompute assumes no protocol cut.
        await deploy.SendAsync(configurator, "setLiquidationProtocolFee", collateral.Address, 0);
        await deploy.SendAsync(configurator, "setReserveBorrowing", loan.Address, true);
        // Supply and borrow caps stay 0 (unlimited), as initReserves leaves them.

        if (options.Market.LenderSupply > 0)
        {
            await loan.ApproveAsync(owner, pool.Address, options.Market.LenderSupply, cancellationToken: cancellationToken);
            await deploy.SendAsync(pool, "supply", loan.Address, options.Market.LenderSupply, owner, 0);
        }

        return new AaveV3Deployment(
            owner, collateral, loan, uniswap, pair, feed, adapter, provider, acl, pool, configurator, oracle, reserves[collateral.Address], reserves[loan.Address]);
    }

    private static async Task<Dictionary<Address, AaveV3Reserve>> InitReservesAsync(
        Deploy deploy, Contract provider, Contract pool, Contract configurator, Address owner, AaveV3KitOptions options, TestToken collateral, TestToken loan)
    {
        // The token implementations are bound to the pool proxy; each reserve gets its own proxies of them.
        var aToken = await deploy.ContractAsync("AToken", pool.Address);
        var stableDebt = await deploy.ContractAsync("StableDebtToken", pool.Address);
        var variableDebt = await deploy.ContractAsync("VariableDebtToken", pool.Address);
        var r = options.Rates;
        var strategy = await deploy.ContractAsync(
            "DefaultReserveInterestRateStrategy", provider.Address,
            r.OptimalUsage * RayPerWad, r.BaseVariableRate * RayPerWad, r.Slope1 * RayPerWad, r.Slope2 * RayPerWad,
            BigInteger.Zero, BigInteger.Zero, BigInteger.Zero, BigInteger.Zero, BigInteger.Zero);

        object?[] Input(TestToken token, TokenConfig config) =>
        [
            aToken.Address, stableDebt.Address, variableDebt.Address, (byte)config.Decimals, strategy.Address, token.Address,
            owner, Address.Zero,
            $"Aave {config.Name}", $"a{config.Symbol}", $"Aave variable debt {config.Name}", $"variableDebt{config.Symbol}",
            $"Aave stable debt {config.Name}", $"stableDebt{config.Symbol}", Array.Empty<byte>(),
        ];
        object?[] inputs = [Input(collateral, options.Market.Collateral), Input(loan, options.Market.Loan)];
        // Cast to object: initReserves takes one argument, the array, not one per reserve.
        var receipt = await deploy.SendAsync(configurator, "initReserves", (object)inputs);

        // ConfiguratorLogic runs by delegatecall, so ReserveInitialized comes from the configurator proxy.
        var session = pool.Session;
        return configurator.DecodeEvents(receipt.Logs, "ReserveInitialized", e => new AaveV3Reserve(
                e.Get<Address>("asset"),
                new Contract(session, e.Get<Address>("aToken"), aToken.Abi),
                new Contract(session, e.Get<Address>("variableDebtToken"), variableDebt.Abi),
                e.Get<Address>("stableDebtToken")))
            .ToDictionary(reserve => reserve.Asset);
    }

    /// <summary>Deploys Aave artifacts with their libraries linked, and sends the set-up calls, all from the owner.</summary>
    private sealed class Deploy(ChainSession session, ArtifactStore artifacts, Address owner, CancellationToken cancellationToken)
    {
        private readonly AaveV3Libraries _libraries = new(session, artifacts, owner);

        public async Task<Contract> ContractAsync(string name, params object?[] args)
        {
            var artifact = artifacts.Get(name);
            var libraries = await _libraries.LinkAsync(artifact, cancellationToken).ConfigureAwait(false);
            var address = await Deployer.DeployAsync(session, artifact, owner, args, cancellationToken: cancellationToken, libraries: libraries).ConfigureAwait(false);
            return new Contract(session, address, artifact.Abi);
        }

        /// <summary>The proxy the provider created, seen through its implementation's ABI.</summary>
        public async Task<Contract> ProxyAsync(Contract provider, string getter, Contract implementation)
        {
            var address = (Address)(await provider.CallAsync(getter, [], cancellationToken: cancellationToken).ConfigureAwait(false))[0]!;
            return new Contract(session, address, implementation.Abi);
        }

        public Task<Chain.Rpc.TransactionReceipt> SendAsync(Contract contract, string function, params object?[] args) =>
            contract.SendAsync(owner, function, args, cancellationToken: cancellationToken);
    }
}
