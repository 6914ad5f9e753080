namespace ProtocolLab.Chain.Abi;

/// <summary>The shape of an <see cref="AbiType"/>.</summary>
public enum AbiTypeKind
{
    UInt,
    Int,
    Address,
    Bool,
    FixedBytes,
    Bytes,
    String,
    FixedArray,
    DynamicArray,
    Tuple,
}
