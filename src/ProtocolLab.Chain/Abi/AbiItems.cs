using System.Collections;
using System.Runtime.CompilerServices;

namespace ProtocolLab.Chain.Abi;

/// <summary>Indexed view over the .NET value of an array or tuple: an <see cref="IList"/> or an <see cref="ITuple"/>.</summary>
internal readonly struct AbiItems
{
    private readonly IList? _list;
    private readonly ITuple? _tuple;
    private readonly IReadOnlyList<object?>? _values;

    public AbiItems(IReadOnlyList<object?> values) => _values = values;

    private AbiItems(IList? list, ITuple? tuple)
    {
        _list = list;
        _tuple = tuple;
    }

    public int Count => _values?.Count ?? _list?.Count ?? _tuple?.Length ?? 0;

    public object? this[int index] => _values is not null ? _values[index] : _list is not null ? _list[index] : _tuple![index];

    public static AbiItems ForArray(AbiType type, object? value)
    {
        if (value is not IList list)
            throw new AbiPathError(type, $"expected a list (object?[], List<T>, ...), found {AbiIntegers.Describe(value)}");
        if (type.Kind == AbiTypeKind.FixedArray && list.Count != type.Size)
            throw new AbiPathError(type, $"expected {type.Size} elements, found {list.Count}");
        return new AbiItems(list, null);
    }

    public static AbiItems ForTuple(AbiType type, object? value)
    {
        var items = value switch
        {
            IList list => new AbiItems(list, null),
            ITuple tuple => new AbiItems(null, tuple),
            _ => throw new AbiPathError(type, $"expected a tuple (object?[], IList or ITuple), found {AbiIntegers.Describe(value)}"),
        };
        if (items.Count != type.Components.Count)
            throw new AbiPathError(type, $"expected {type.Components.Count} tuple components, found {items.Count}");
        return items;
    }
}
