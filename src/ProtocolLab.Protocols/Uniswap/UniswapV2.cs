using System.Numerics;
using ProtocolLab.Chain.Artifacts;
using ProtocolLab.Chain.Contracts;
using ProtocolLab.Chain.Hex;
using ProtocolLab.Chain.Rpc;

namespace ProtocolLab.Protocols.Uniswap;

/// <summary>
/// The real Uniswap V2 factory, WETH9 and Router02, deployed from the bytecode the npm packages
/// ship (not re-compiled): the router's built-in init code hash matches the pair bytecode.
/// </summary>
public sealed class UniswapV2
{
    /// <summary>Deadline far in the future: the simulation controls time, expiry is not under test.</summary>
    public static readonly BigInteger NoDeadline = BigInteger.Pow(2, 64);

    private UniswapV2(Contract factory, Contract router, Contract weth)
    {
        Factory = factory;
        Router = router;
        Weth = weth;
    }

    public Contract Factory { get; }

    public Contract Router { get; }

    public Contract Weth { get; }

    public static async Task<UniswapV2> DeployAsync(ChainSession session, ArtifactStore artifacts, Address from, CancellationToken cancellationToken = default)
    {
        var weth = await DeployAsync(session, artifacts.Get("WETH9"), from, [], cancellationToken);
        var factory = await DeployAsync(session, artifacts.Get("UniswapV2Factory"), from, [from], cancellationToken);
        var router = await DeployAsync(session, artifacts.Get("UniswapV2Router02"), from, [factory.Address, weth.Address], cancellationToken);
        return new UniswapV2(factory, router, weth);
    }

    /// <summary>Creates the pair and seeds it by transferring both reserves in and minting LP tokens to <paramref name="from"/>.</summary>
    public async Task<UniswapV2Pair> CreateSeededPairAsync(
        ArtifactStore artifacts, Address from, Contract tokenA, BigInteger reserveA, Contract tokenB, BigInteger reserveB, CancellationToken cancellationToken = default)
    {
        await Factory.SendAsync(from, "createPair", [tokenA.Address, tokenB.Address], cancellationToken: cancellationToken);
        var pairAddress = (Address)(await Factory.CallAsync("getPair", [tokenA.Address, tokenB.Address], cancellationToken: cancellationToken))[0]!;
        var pair = new Contract(Factory.Session, pairAddress, artifacts.Get("UniswapV2Pair").Abi);
        await tokenA.SendAsync(from, "transfer", [pairAddress, reserveA], cancellationToken: cancellationToken);
        await tokenB.SendAsync(from, "transfer", [pairAddress, reserveB], cancellationToken: cancellationToken);
        await pair.SendAsync(from, "mint", [from], cancellationToken: cancellationToken);
        var token0 = (Address)(await pair.CallAsync("token0", [], cancellationToken: cancellationToken))[0]!;
        return new UniswapV2Pair(pair, token0);
    }

    /// <summary>An exact-input swap along [tokenIn, tokenOut], unsent (for batching). The sender must have approved the router.</summary>
    public TransactionRequest SwapExactIn(Address from, Address tokenIn, Address tokenOut, BigInteger amountIn, BigInteger minOut, TxOptions options) =>
        Router.BuildTransaction(from, "swapExactTokensForTokens", [amountIn, minOut, new object?[] { tokenIn, tokenOut }, from, NoDeadline], options);

    /// <summary>
    /// Burns <paramref name="liquidity"/> LP tokens of the tokenA/tokenB pair for both tokens, paid to the sender, unsent.
    /// The sender must have approved the router for its LP tokens; no minimum amounts (the simulation measures, it does not protect).
    /// </summary>
    public TransactionRequest RemoveLiquidity(Address from, Address tokenA, Address tokenB, BigInteger liquidity, TxOptions options) =>
        Router.BuildTransaction(from, "removeLiquidity", [tokenA, tokenB, liquidity, BigInteger.Zero, BigInteger.Zero, from, NoDeadline], options);

    /// <summary>
    /// Adds up to the desired amounts at the pair's ratio when it executes (the router takes all of one
    /// side and what matches of the other; the rest stays with the sender), LP tokens to the sender, unsent.
    /// </summary>
    public TransactionRequest AddLiquidity(Address from, Address tokenA, BigInteger amountA, Address tokenB, BigInteger amountB, TxOptions options) =>
        Router.BuildTransaction(from, "addLiquidity", [tokenA, tokenB, amountA, amountB, BigInteger.Zero, BigInteger.Zero, from, NoDeadline], options);

    private static async Task<Contract> DeployAsync(ChainSession session, ContractArtifact artifact, Address from, object?[] args, CancellationToken cancellationToken)
    {
        var address = await Deployer.DeployAsync(session, artifact, from, args, cancellationToken: cancellationToken);
        return new Contract(session, address, artifact.Abi);
    }
}
