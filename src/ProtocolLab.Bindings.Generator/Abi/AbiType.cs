using System.Collections.Generic;
using System.Linq;

namespace ProtocolLab.Bindings.Generator.Abi;

internal enum AbiTypeKind
{
    Integer,
    Address,
    Bool,
    String,
    Bytes,
    FixedBytes,
    Function,
    Array,
    Tuple,
}

/// <summary>A Solidity ABI type, parsed from a parameter's "type" (plus "components" for tuples).</summary>
internal sealed class AbiType
{
    private AbiType(AbiTypeKind kind, string canonical)
    {
        Kind = kind;
        Canonical = canonical;
    }

    public AbiTypeKind Kind { get; }

    /// <summary>The spelling in a function or event signature: "uint256", "(address,uint256)[]".</summary>
    public string Canonical { get; }

    /// <summary>The element type of an array.</summary>
    public AbiType? Element { get; private set; }

    /// <summary>The fields of a tuple.</summary>
    public IReadOnlyList<AbiParameter> Components { get; private set; } = [];

    /// <summary>For a tuple: the Solidity struct it came from ("Lens.PositionView"), when the ABI says.</summary>
    public string? StructName { get; private set; }

    /// <summary>True when a tuple occurs anywhere inside, so values need converting to and from records.</summary>
    public bool ContainsTuple => Kind == AbiTypeKind.Tuple || (Element?.ContainsTuple ?? false);

    /// <summary>An indexed event parameter of this type is stored as its Keccak-256 hash, not its value.</summary>
    public bool IsHashedWhenIndexed => Kind is AbiTypeKind.String or AbiTypeKind.Bytes or AbiTypeKind.Array or AbiTypeKind.Tuple;

    public static AbiType Scalar(AbiTypeKind kind, string canonical) => new(kind, canonical);

    public static AbiType Array(AbiType element, string lengthText) =>
        new(AbiTypeKind.Array, element.Canonical + "[" + lengthText + "]") { Element = element };

    public static AbiType Tuple(IReadOnlyList<AbiParameter> components, string? structName) =>
        new(AbiTypeKind.Tuple, "(" + string.Join(",", components.Select(c => c.Type.Canonical)) + ")")
        {
            Components = components,
            StructName = structName,
        };
}

/// <param name="Name">As in the ABI; may be empty.</param>
/// <param name="Indexed">Only meaningful for event parameters.</param>
internal sealed record AbiParameter(string Name, AbiType Type, bool Indexed);
