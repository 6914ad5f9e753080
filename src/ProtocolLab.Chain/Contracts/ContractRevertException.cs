using ProtocolLab.Chain.Abi;
using ProtocolLab.Chain.Hex;

namespace ProtocolLab.Chain.Contracts;

/// <summary>
/// A call or transaction reverted. <see cref="Reason"/> is decoded against every ABI the session
/// knows, so an error bubbled up from another contract still shows its name and arguments.
/// </summary>
public sealed class ContractRevertException(Address contract, string function, RevertReason reason, Exception? inner = null)
    : Exception($"{function} on {contract} reverted: {reason}", inner)
{
    public Address Contract { get; } = contract;

    public string Function { get; } = function;

    public RevertReason Reason { get; } = reason;

    /// <summary>The custom error's name, "Error" for require strings, "Panic", or null when there was no data.</summary>
    public string? ErrorName => Reason switch
    {
        RevertReason.CustomError custom => custom.Name,
        RevertReason.ErrorMessage => "Error",
        RevertReason.Panic => "Panic",
        _ => null,
    };
}
