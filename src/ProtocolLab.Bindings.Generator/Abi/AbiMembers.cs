using System.Collections.Generic;
using System.Linq;

namespace ProtocolLab.Bindings.Generator.Abi;

internal static class AbiSignature
{
    /// <summary>The canonical signature the selector or topic is hashed from: "transfer(address,uint256)".</summary>
    public static string Of(string name, IReadOnlyList<AbiParameter> inputs) =>
        name + "(" + string.Join(",", inputs.Select(p => p.Type.Canonical)) + ")";
}

/// <param name="IsReadOnly">view or pure: called with eth_call, never sent.</param>
internal sealed record AbiFunction(string Name, IReadOnlyList<AbiParameter> Inputs, IReadOnlyList<AbiParameter> Outputs, bool IsReadOnly)
{
    public string Signature { get; } = AbiSignature.Of(Name, Inputs);
}

internal sealed record AbiEvent(string Name, IReadOnlyList<AbiParameter> Inputs)
{
    public string Signature { get; } = AbiSignature.Of(Name, Inputs);
}

internal sealed record AbiError(string Name, IReadOnlyList<AbiParameter> Inputs);

/// <summary>One contract's ABI, each list sorted by name then signature so the output is deterministic.</summary>
internal sealed record ContractAbiModel(
    IReadOnlyList<AbiParameter> ConstructorInputs,
    IReadOnlyList<AbiFunction> Functions,
    IReadOnlyList<AbiEvent> Events,
    IReadOnlyList<AbiError> Errors);
