using System.Numerics;
using ProtocolLab.Chain.Contracts;
using ProtocolLab.Chain.Hex;
using ProtocolLab.Chain.Rpc;

namespace ProtocolLab.Protocols.Uniswap;

/// <summary>A deployed pair and which of its tokens sorts first (reserves come back in token0/token1 order).</summary>
public sealed class UniswapV2Pair(Contract contract, Address token0)
{
    public Contract Contract { get; } = contract;

    public Address Address => Contract.Address;

    public Address Token0 { get; } = token0;

    /// <summary>The getReserves call, for a bulk read.</summary>
    public TransactionRequest ReservesCall() => Contract.BuildCall("getReserves", []);

    /// <summary>Decodes getReserves into (reserve of <paramref name="token"/>, reserve of the other token).</summary>
    public (BigInteger Of, BigInteger Other) DecodeReserves(byte[] output, Address token)
    {
        var values = Contract.DecodeOutput("getReserves", output);
        var r0 = (BigInteger)values[0]!;
        var r1 = (BigInteger)values[1]!;
        return token == Token0 ? (r0, r1) : (r1, r0);
    }

    /// <summary>The balanceOf call of the pair's LP token, for a bulk read.</summary>
    public TransactionRequest LiquidityOfCall(Address owner) => Contract.BuildCall("balanceOf", [owner]);

    public BigInteger DecodeLiquidityOf(byte[] output) => (BigInteger)Contract.DecodeOutput("balanceOf", output)[0]!;

    /// <summary>Moves LP tokens (the pair is their ERC20), unsent.</summary>
    public TransactionRequest TransferLiquidity(Address from, Address to, BigInteger amount, TxOptions options) =>
        Contract.BuildTransaction(from, "transfer", [to, amount], options);

    /// <summary>Lets <paramref name="spender"/> (the router, to remove liquidity) move LP tokens, unsent.</summary>
    public TransactionRequest ApproveLiquidity(Address from, Address spender, BigInteger amount, TxOptions options) =>
        Contract.BuildTransaction(from, "approve", [spender, amount], options);

    public async Task<(BigInteger Of, BigInteger Other)> ReservesAsync(Address token, CancellationToken cancellationToken = default)
    {
        var output = await Contract.Session.Eth.CallAsync(ReservesCall(), BlockTag.Latest, cancellationToken);
        return DecodeReserves(output, token);
    }
}
