using System.Numerics;
using ProtocolLab.Chain.Artifacts;
using ProtocolLab.Chain.Contracts;
using ProtocolLab.Chain.Devnets;
using ProtocolLab.Chain.Hex;
using ProtocolLab.Protocols.Markets;
using ProtocolLab.Protocols.Options;

namespace ProtocolLab.Protocols.Tests.Options;

/// <summary>
/// The option kit on a real anvil: a put written at its initial margin, sold to a buyer through an
/// offer, the price drops, and the buyer liquidates the writer with the lens's minimum amount.
/// </summary>
public sealed class OptionKitIntegrationTests : IAsyncLifetime
{
    private static readonly BigInteger Weth = BigInteger.Pow(10, 18);
    private static readonly BigInteger Usdc = BigInteger.Pow(10, 6);
    private static readonly Address Writer = new(Keccak256Bytes("options-test/writer"));
    private static readonly Address Buyer = new(Keccak256Bytes("options-test/buyer"));

    private AnvilDevnet _anvil = null!;
    private ChainSession _session = null!;
    private OptionDeployment _kit = null!;

    public async Task InitializeAsync()
    {
        _anvil = await AnvilDevnet.StartAsync(new AnvilOptions { AutoImpersonate = true, BlockGasLimit = 3_000_000_000 });
        _session = new ChainSession(_anvil.Rpc);
        var now = (await _session.Eth.GetBlockAsync(Chain.Rpc.BlockTag.Latest))!.Timestamp;
        _kit = await OptionKit.DeployAsync(_session, ArtifactStore.ForRepository(RepoRoot.Find()), _anvil.Accounts[0], new OptionKitOptions
        {
            Underlying = new TokenConfig("Wrapped Ether", "WETH", 18),
            Loan = new TokenConfig("USD Coin", "USDC", 6),
            PairUnderlyingReserve = 1_000 * Weth,
            PairLoanReserve = 2_000_000 * Usdc,
            InitialAnswer = 2_000 * BigInteger.Pow(10, 8),
            Margin = new FixedOptionMarginConfig(Wad.Of(0.2), Wad.Of(0.1), Wad.Of(1.25)),
            Series = [new OptionSeriesConfig(false, false, 2_000 * Wad.One, now + (30 * 86_400))],
            ImpliedVolatility = Wad.Of(0.6),
        });
        await _session.SetBalancesAsync([Writer, Buyer], BigInteger.Pow(10, 22));
    }

    public async Task DisposeAsync() => await _anvil.DisposeAsync();

    [Fact]
    public async Task WriteBuyLiquidate_AfterDrop_ClosesTheMinimumAndPaysThePenalty()
    {
        // Given a put written at exactly its initial margin and bought by the buyer
        var owner = _kit.Owner;
        var vault = _kit.Vault;
        var amount = 10 * Wad.One;
        var health = await vault.PositionHealthAsync(Writer, 0);
        Assert.Equal(0, health.ShortAmount);
        var margin = await _kit.MarginModel.CallAsync("marginRequirement", [new object?[] { false, false, 2_000 * Wad.One, 2_000 * Wad.One, Wad.Of(30.0 / 365), Wad.Of(0.6), amount }]);
        var collateral = ((BigInteger)margin[0]! / BigInteger.Pow(10, 12)) + 1;
        await _kit.Loan.MintAsync(owner, Writer, collateral);
        await _kit.Loan.MintAsync(owner, Buyer, 100_000 * Usdc);
        await _kit.Loan.ApproveAsync(Writer, vault.Address, collateral);
        await _kit.Loan.ApproveAsync(Buyer, vault.Address, 100_000 * Usdc);
        await vault.WriteAsync(Writer, 0, amount, collateral);
        await vault.SetOfferAsync(Writer, 0, amount);
        await vault.BuyAsync(Buyer, 0, Writer, amount, 100_000 * Usdc);
        Assert.Equal(amount, await vault.LongOfAsync(0, Buyer));
        Assert.False((await vault.PositionHealthAsync(Writer, 0)).Liquidatable);

        // When the price drops 20% and the buyer liquidates the smallest amount that restores margin
        await _kit.Feed.PushAnswerAsync(owner, 1_600 * BigInteger.Pow(10, 8));
        var page = await _kit.Lens.PositionsPageAsync(0, 10);
        var position = Assert.Single(page.Page);
        Assert.True(position.Liquidatable);
        Assert.InRange(position.MinLiquidationAmount, BigInteger.One, amount);
        var receipt = await vault.LiquidateAsync(Buyer, Writer, 0, position.MinLiquidationAmount);

        // Then the event carries the amount and no shortfall, and the position is healthy again
        var e = Assert.Single(vault.DecodeOptionLiquidatedEvents(receipt));
        Assert.Equal(position.MinLiquidationAmount, e.Amount);
        Assert.Equal(BigInteger.Zero, e.Shortfall);
        var mark = (await vault.MarkOfAsync(0)).Mark;
        var expectedSeized = e.Amount * (mark * 11 / 10) / Wad.One / BigInteger.Pow(10, 12);
        Assert.InRange(e.CollateralSeized, expectedSeized - 2, expectedSeized + 2);
        Assert.False((await vault.PositionHealthAsync(Writer, 0)).Liquidatable);
        Assert.Equal(amount - e.Amount, await vault.LongOfAsync(0, Buyer));
    }

    private static byte[] Keccak256Bytes(string label) => Chain.Hex.Keccak256.Hash(label).AsSpan(12).ToArray();
}
