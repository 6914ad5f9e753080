using System.Numerics;
using ProtocolLab.Chain.Artifacts;
using ProtocolLab.Chain.Contracts;
using ProtocolLab.Chain.Hex;
using ProtocolLab.Chain.Rpc;
using ProtocolLab.Protocols.Bindings;
using ProtocolLab.Simulation.Scenarios;

namespace ProtocolLab.Simulation.Engine;

/// <summary>
/// The gas market of a run's simulated blocks (<see cref="GasSpec"/>): anvil builds each block by
/// priority fee up to the block gas limit and moves the EIP-1559 base fee with demand; this class sets
/// the limit and the starting base fee, gives every transaction a fee cap a wallet would (tip plus twice
/// the base fee), adds other users' demand, and after each block drops what did not fit, so its senders
/// re-plan on the next block's state (a bot re-bids, the keeper pushes again). Without a gas section
/// every call passes through: set-up blocks, no base fee, no background.
/// </summary>
internal sealed class BlockSpace
{
    private static readonly BigInteger Gwei = 1_000_000_000;

    private readonly GasSpec? _gas;
    private readonly GasBurner? _burner;
    private BigInteger _baseFee;
    private ulong _setupGasLimit;

    private BlockSpace(GasSpec? gas, GasBurner? burner)
    {
        _gas = gas;
        _burner = burner;
    }

    public static BlockSpace Unlimited { get; } = new(null, null);

    /// <summary>Deploys the background demand's contract when the scenario has congestion windows.</summary>
    public static async Task<BlockSpace> DeployAsync(ChainSession session, ArtifactStore artifacts, Scenario scenario, Address owner, CancellationToken cancellationToken)
    {
        if (scenario.Gas is not { } gas)
            return Unlimited;
        var burner = gas.Background.Count == 0 ? null : await GasBurner.DeployAsync(session, artifacts, owner, cancellationToken: cancellationToken);
        if (burner is not null)
            await session.SetBalancesAsync(Enumerable.Range(0, Senders(gas)).Select(SimulationAccounts.Background).ToList(), BigInteger.Pow(10, 24), cancellationToken);
        return new BlockSpace(gas, burner);
    }

    /// <summary>The base fee the next block is built on, wei (0 without a gas market).</summary>
    public BigInteger BaseFee => _baseFee;

    /// <summary>From the run's first simulated block: the scenario's limit and base fee.</summary>
    public async Task StartAsync(ChainSession session, CancellationToken cancellationToken)
    {
        if (_gas is not { } gas)
            return;
        var latest = await session.Eth.GetBlockAsync(BlockTag.Latest, cancellationToken);
        _setupGasLimit = latest?.GasLimit ?? 30_000_000_000;
        _baseFee = new BigInteger(Math.Round(gas.BaseFeeGwei * 1e9));
        await session.Dev.SetBlockGasLimitAsync((ulong)gas.BlockGasLimit, cancellationToken);
        await session.Dev.SetNextBlockBaseFeePerGasAsync(_baseFee, cancellationToken);
    }

    /// <summary>After the run: set-up blocks again, so the next run opens its positions as the first did.</summary>
    public async Task StopAsync(ChainSession session, CancellationToken cancellationToken)
    {
        if (_gas is null)
            return;
        await session.Dev.SetBlockGasLimitAsync(_setupGasLimit, cancellationToken);
        await session.Dev.SetNextBlockBaseFeePerGasAsync(0, cancellationToken);
    }

    /// <summary>Other users' calls for <paramref name="block"/>, then every transaction's fee cap over the current base fee.</summary>
    public IReadOnlyList<TransactionRequest> Price(int block, List<TransactionRequest> txs)
    {
        if (_gas is not { } gas)
            return txs;
        if (_burner is not null)
        {
            foreach (var window in gas.Background.Where(w => w.Contains(block)))
            {
                var left = window.GasPerBlock;
                for (var sender = 0; left > 0; sender++)
                {
                    var gasLimit = (ulong)Math.Min(left, window.CallGas);
                    txs.Add(_burner.Burn(SimulationAccounts.Background(sender), Tips.Background(window.PriorityFeeGwei, sender, gasLimit)));
                    left -= (long)gasLimit;
                }
            }
        }
        var headroom = 2 * _baseFee;
        return txs.Select(t => t with { MaxFeePerGas = (t.MaxPriorityFeePerGas ?? 0) + headroom }).ToList();
    }

    /// <summary>
    /// The mined block's base fee moves the next one's; transactions that did not fit are dropped from
    /// the pool and their senders' nonces re-read. Returns how many were left out.
    /// </summary>
    public async Task<int> SettleAsync(ChainSession session, MinedBlock mined, CancellationToken cancellationToken)
    {
        if (_gas is null)
            return 0;
        var included = mined.Header.TransactionHashes.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var left = mined.Sent.Where(s => s.TransactionHash is { } h && !included.Contains(h)).ToList();
        if (left.Count > 0)
        {
            await session.Rpc.SendBatchAsync(left.Select(s => new JsonRpcRequest("anvil_dropTransaction", s.TransactionHash!)).ToList(), cancellationToken);
            foreach (var sender in left.Select(s => s.Request.From).Distinct())
                session.Nonces.Reset(sender);
        }
        // EIP-1559 as anvil applies it: the next base fee moves by (used - target) / target / 8, target = limit / 2.
        var baseFee = mined.Header.BaseFeePerGas ?? 0;
        var target = new BigInteger(mined.Header.GasLimit / 2);
        var used = new BigInteger(mined.Header.GasUsed);
        _baseFee = target.IsZero ? baseFee : baseFee + (baseFee * (used - target) / target / 8);
        return left.Count;
    }

    private static int Senders(GasSpec gas) =>
        gas.Background.Count == 0 ? 0 : (int)gas.Background.Max(w => (w.GasPerBlock + w.CallGas - 1) / w.CallGas);
}
