using ProtocolLab.Chain.Hex;

namespace ProtocolLab.Chain.Rpc;

/// <summary>A block selector: a named tag ("latest", "pending", ...) or a block number. The default is "latest".</summary>
public readonly record struct BlockTag
{
    private readonly string? _tag;

    private BlockTag(string? tag, ulong number, bool isNumber)
    {
        _tag = tag;
        Number = number;
        IsNumber = isNumber;
    }

    public static BlockTag Latest => default;
    public static BlockTag Pending { get; } = new("pending", 0, false);
    public static BlockTag Earliest { get; } = new("earliest", 0, false);
    public static BlockTag Safe { get; } = new("safe", 0, false);
    public static BlockTag Finalized { get; } = new("finalized", 0, false);

    public static BlockTag At(ulong number) => new(null, number, true);

    /// <summary>The block number when <see cref="IsNumber"/>; 0 for named tags.</summary>
    public ulong Number { get; }

    public bool IsNumber { get; }

    public static implicit operator BlockTag(ulong number) => At(number);

    /// <summary>The wire form.</summary>
    public override string ToString() => IsNumber ? HexConvert.ToQuantity(Number) : _tag ?? "latest";
}
