using System;
using System.Collections.Generic;
using System.Linq;
using ProtocolLab.Bindings.Generator.Abi;

namespace ProtocolLab.Bindings.Generator.Emit;

/// <summary>A record struct generated for a Solidity struct (an ABI tuple).</summary>
internal sealed record StructBinding(string Name, IReadOnlyList<FieldBinding> Fields);

/// <summary>A positional member of a generated record: its C# name and ABI type.</summary>
internal sealed record FieldBinding(string Name, AbiType Type);

/// <summary>
/// Maps ABI types to C# types for one contract, and writes the expressions that convert between
/// the typed values and the runtime's untyped ones (object?[] for tuples and arrays).
/// </summary>
internal sealed class TypeMapper
{
    private const string BigInteger = "global::System.Numerics.BigInteger";
    private const string Address = "global::ProtocolLab.Chain.Hex.Address";

    private readonly string _qualifiedClass;
    private readonly Dictionary<string, StructBinding> _structs = new(StringComparer.Ordinal);

    /// <param name="qualifiedClass">"global::Ns.Contract": generated types are named in full so no ABI name can shadow them.</param>
    /// <param name="tuples">Every tuple type the contract uses; each distinct struct becomes one record struct.</param>
    public TypeMapper(string qualifiedClass, IEnumerable<AbiType> tuples, NameScope classScope)
    {
        _qualifiedClass = qualifiedClass;
        var distinct = new Dictionary<string, AbiType>(StringComparer.Ordinal);
        foreach (var tuple in tuples)
        {
            var key = Key(tuple);
            if (!distinct.ContainsKey(key))
                distinct[key] = tuple;
        }
        foreach (var pair in distinct.OrderBy(p => ShortName(p.Value), StringComparer.Ordinal).ThenBy(p => p.Key, StringComparer.Ordinal))
        {
            var name = classScope.Claim(ShortName(pair.Value));
            _structs[pair.Key] = new StructBinding(name, Fields(name, pair.Value.Components, ["ToAbi", "FromAbi"]));
        }
    }

    public IEnumerable<StructBinding> Structs => _structs.Values.OrderBy(s => s.Name, StringComparer.Ordinal);

    /// <summary>Every tuple inside <paramref name="type"/>, outermost first.</summary>
    public static IEnumerable<AbiType> TuplesIn(AbiType type)
    {
        if (type.Element is not null)
            return TuplesIn(type.Element);
        if (type.Kind != AbiTypeKind.Tuple)
            return [];
        return new[] { type }.Concat(type.Components.SelectMany(c => TuplesIn(c.Type)));
    }

    /// <summary>PascalCase members for a record's positional parameters; unnamed ones are Item1, Item2, ...</summary>
    public static IReadOnlyList<FieldBinding> Fields(string recordName, IReadOnlyList<AbiParameter> parameters, IEnumerable<string> reserved, Func<AbiParameter, AbiType>? typeOf = null)
    {
        var scope = new NameScope(NameScope.ObjectMembers.Concat(reserved).Concat([recordName]));
        return parameters.Select((p, i) =>
        {
            var name = Identifiers.Pascal(p.Name);
            return new FieldBinding(scope.Claim(name.Length > 0 ? name : "Item" + (i + 1)), typeOf?.Invoke(p) ?? p.Type);
        }).ToList();
    }

    public string QualifiedName(string nestedType) => _qualifiedClass + "." + nestedType;

    public string CSharp(AbiType type) => type.Kind switch
    {
        AbiTypeKind.Integer => BigInteger,
        AbiTypeKind.Address => Address,
        AbiTypeKind.Bool => "bool",
        AbiTypeKind.String => "string",
        AbiTypeKind.Bytes or AbiTypeKind.FixedBytes or AbiTypeKind.Function => "byte[]",
        AbiTypeKind.Array => "global::System.Collections.Generic.IReadOnlyList<" + CSharp(type.Element!) + ">",
        _ => QualifiedName(_structs[Key(type)].Name),
    };

    /// <summary>Converts <paramref name="value"/> (an object? from the decoder) to the C# type of <paramref name="type"/>.</summary>
    public string Decode(AbiType type, string value, int depth = 0)
    {
        switch (type.Kind)
        {
            case AbiTypeKind.Array:
                var item = "x" + depth;
                return $"global::System.Array.ConvertAll((object?[]){value}!, {item} => {Decode(type.Element!, item, depth + 1)})";
            case AbiTypeKind.Tuple:
                return $"{CSharp(type)}.FromAbi((object?[]){value}!)";
            default:
                return $"({CSharp(type)}){value}!";
        }
    }

    /// <summary>
    /// Converts a typed <paramref name="value"/> for the encoder: records become object?[]; lists pass
    /// as they are (the encoder takes any IList) unless records inside them need converting.
    /// </summary>
    public string Encode(AbiType type, string value, int depth = 0)
    {
        if (!type.ContainsTuple)
            return value;
        if (type.Kind == AbiTypeKind.Tuple)
            return value + ".ToAbi()";
        var item = "x" + depth;
        return $"global::System.Linq.Enumerable.ToArray(global::System.Linq.Enumerable.Select({value}, {item} => (object?){Encode(type.Element!, item, depth + 1)}))";
    }

    /// <summary>Solidity structs are told apart by their qualified name; unnamed tuples by their shape.</summary>
    private static string Key(AbiType tuple) =>
        tuple.StructName ?? tuple.Canonical + ":" + string.Join(",", tuple.Components.Select(c => c.Name));

    private static string ShortName(AbiType tuple)
    {
        var full = tuple.StructName ?? "";
        var name = Identifiers.Pascal(full.Substring(full.LastIndexOf('.') + 1));
        return name.Length > 0 ? name : "Tuple";
    }
}
