using ProtocolLab.Chain.Rpc;

namespace ProtocolLab.Simulation.Engine;

/// <summary>
/// The devnet stopped answering during a run: says whether the node process is gone, where the
/// runner was (design, run, block) and which blocks are already on disk. Derives from
/// <see cref="RpcException"/> so callers that handle RPC failures handle this one too; the
/// original failure is the inner exception.
/// </summary>
public sealed class DevnetStoppedException : RpcException
{
    public DevnetStoppedException(RpcException cause, string devnetState, string where, string? blocksWritten)
        : base(cause.Url, Describe(cause, devnetState, where, blocksWritten), cause)
    {
        Where = where;
        BlocksWritten = blocksWritten;
    }

    /// <summary>What the runner was doing, e.g. "scenario 'crash-30', design 'fixed', run 1 of 1, block 8 of 40".</summary>
    public string Where { get; }

    /// <summary>Which complete blocks are on disk and in which file; null when no block was written yet.</summary>
    public string? BlocksWritten { get; }

    private static string Describe(RpcException cause, string devnetState, string where, string? blocksWritten) =>
        $"{devnetState} during {where}; "
        + (blocksWritten is null ? "" : $"{blocksWritten}; ")
        + $"cause: {cause.Message}";
}
