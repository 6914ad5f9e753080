using System.Numerics;
using ProtocolLab.Chain.Artifacts;
using ProtocolLab.Chain.Contracts;
using ProtocolLab.Chain.Hex;
using ProtocolLab.Protocols.Bindings;
using ProtocolLab.Protocols.Uniswap;

namespace ProtocolLab.Protocols.Markets;

/// <summary>The two test tokens and the seeded Uniswap V2 pair every kit starts from.</summary>
public sealed record TokenPairMarket(TestToken Collateral, TestToken Loan, UniswapV2 Uniswap, UniswapV2Pair Pair)
{
    /// <summary>
    /// Deploys both tokens (the owner mints), the real Uniswap V2 contracts and the pair seeded with
    /// the given reserves; <paramref name="extraLoan"/> more of the loan asset stays with the owner.
    /// </summary>
    public static async Task<TokenPairMarket> DeployAsync(
        ChainSession session, ArtifactStore artifacts, Address owner, TokenConfig collateralToken, TokenConfig loanToken,
        BigInteger pairCollateralReserve, BigInteger pairLoanReserve, BigInteger extraLoan, CancellationToken cancellationToken = default)
    {
        var collateral = await DeployTokenAsync(session, artifacts, owner, collateralToken, cancellationToken);
        var loan = await DeployTokenAsync(session, artifacts, owner, loanToken, cancellationToken);

        var uniswap = await UniswapV2.DeployAsync(session, artifacts, owner, cancellationToken);
        await collateral.MintAsync(owner, owner, pairCollateralReserve, cancellationToken: cancellationToken);
        await loan.MintAsync(owner, owner, pairLoanReserve + extraLoan, cancellationToken: cancellationToken);
        var pair = await uniswap.CreateSeededPairAsync(artifacts, owner, collateral, pairCollateralReserve, loan, pairLoanReserve, cancellationToken);
        return new TokenPairMarket(collateral, loan, uniswap, pair);
    }

    /// <summary>The tokens and pair of a debt protocol's <paramref name="market"/>; its lender supply stays with the owner.</summary>
    public static Task<TokenPairMarket> DeployAsync(
        ChainSession session, ArtifactStore artifacts, Address owner, PairMarketOptions market, CancellationToken cancellationToken = default) =>
        DeployAsync(session, artifacts, owner, market.Collateral, market.Loan, market.PairCollateralReserve, market.PairLoanReserve, market.LenderSupply, cancellationToken);

    private static async Task<TestToken> DeployTokenAsync(ChainSession session, ArtifactStore artifacts, Address owner, TokenConfig token, CancellationToken cancellationToken) =>
        await TestToken.DeployAsync(session, artifacts, owner, token.Name, token.Symbol, token.Decimals, owner, cancellationToken: cancellationToken);
}
