using System;
using System.Collections.Generic;
using System.Linq;
using ProtocolLab.Bindings.Generator.Abi;

namespace ProtocolLab.Bindings.Generator.Emit;

/// <summary>The types nested in a binding class: call results, Solidity structs, events and error names.</summary>
internal sealed class NestedTypeEmitter
{
    private static readonly AbiType TopicHash = AbiType.Scalar(AbiTypeKind.FixedBytes, "bytes32");

    private readonly TypeMapper _types;
    private readonly Dictionary<string, StructBinding> _results = new(StringComparer.Ordinal);
    private readonly List<(StructBinding Record, AbiEvent Event)> _events = [];

    public NestedTypeEmitter(TypeMapper types) => _types = types;

    /// <summary>
    /// The record struct for a call with several outputs, named after the function; overloads whose
    /// outputs match share one.
    /// </summary>
    public string Result(NameScope classScope, string functionName, IReadOnlyList<AbiParameter> outputs)
    {
        var key = functionName + ":" + string.Join(",", outputs.Select(o => o.Name + " " + _types.CSharp(o.Type)));
        if (!_results.TryGetValue(key, out var result))
        {
            var name = classScope.Claim(functionName + "Result");
            _results[key] = result = new StructBinding(name, TypeMapper.Fields(name, outputs, []));
        }
        return result.Name;
    }

    /// <param name="name">Already claimed in the class scope.</param>
    public void AddEvent(string name, AbiEvent e) =>
        _events.Add((new StructBinding(name, TypeMapper.Fields(name, e.Inputs, ["From", "Signature"], p => ContractEmitter.IsHashedTopic(p) ? TopicHash : p.Type)), e));

    public void WriteStructs(CodeWriter w)
    {
        foreach (var result in _results.Values.OrderBy(r => r.Name, StringComparer.Ordinal))
        {
            w.Line();
            w.Line($"public readonly record struct {result.Name}({Positional(result)});");
        }
        foreach (var s in _types.Structs)
        {
            var qualified = _types.QualifiedName(s.Name);
            var decoded = s.Fields.Select((f, i) => _types.Decode(f.Type, $"values[{i}]"));
            w.Line();
            w.Open($"public readonly record struct {s.Name}({Positional(s)})");
            w.Line($"public object?[] ToAbi() => new object?[] {{ {string.Join(", ", s.Fields.Select(f => _types.Encode(f.Type, f.Name)))} }};");
            w.Line();
            w.Line($"public static {qualified} FromAbi(object?[] values) => new {qualified}({string.Join(", ", decoded)});");
            w.Close();
        }
        foreach (var (record, e) in _events.OrderBy(x => x.Record.Name, StringComparer.Ordinal))
        {
            var qualified = _types.QualifiedName(record.Name);
            var decoded = record.Fields.Select((f, i) => _types.Decode(f.Type, $"e.Values[{i}]"));
            w.Line();
            w.Open($"public sealed record {record.Name}({Positional(record)})");
            w.Line($"public const string Signature = {Identifiers.Literal(e.Signature)};");
            w.Line();
            w.Line($"public static {qualified} From(global::ProtocolLab.Chain.Abi.DecodedEvent e) => new {qualified}({string.Join(", ", decoded)});");
            w.Close();
        }
    }

    /// <summary>Custom error names as constants, to compare with a revert's decoded error name.</summary>
    /// <param name="className">"Errors", unless the contract is itself named so.</param>
    public void WriteErrors(CodeWriter w, string className, IReadOnlyList<AbiError> errors)
    {
        var names = errors.Select(e => e.Name).Distinct().OrderBy(n => n, StringComparer.Ordinal).ToList();
        if (names.Count == 0)
            return;
        var scope = new NameScope(NameScope.ObjectMembers.Concat([className]));
        w.Line();
        w.Open("public static class " + className);
        foreach (var name in names)
        {
            var identifier = Identifiers.Sanitize(name);
            w.Line($"public const string {Identifiers.Escape(scope.Claim(identifier.Length > 0 ? identifier : "Error"))} = {Identifiers.Literal(name)};");
        }
        w.Close();
    }

    private string Positional(StructBinding record) =>
        string.Join(", ", record.Fields.Select(f => _types.CSharp(f.Type) + " " + f.Name));
}
