using System;
using System.Collections.Generic;
using System.Linq;

namespace ProtocolLab.Bindings.Generator.Emit;

/// <summary>One generated member of a name claim: how its name derives from the claimed base name.</summary>
/// <param name="Parameters">For a method, its parameter types (methods may overload); null for a type, property or field.</param>
internal sealed record ClaimedMember(Func<string, string> NameOf, string? Parameters);

/// <summary>
/// The identifiers of one C# scope (a class's members, a method's parameters). A name that clashes
/// with something the scope already has for other reasons (a base member, a runtime parameter) gets
/// a '_' suffix; one that clashes with a sibling generated earlier gets an index: Foo, Foo2, Foo3.
/// </summary>
internal sealed class NameScope
{
    /// <summary>Names every class, record and record struct already has from System.Object or the compiler.</summary>
    public static readonly IReadOnlyList<string> ObjectMembers =
    [
        "Equals", "GetHashCode", "GetType", "ToString", "MemberwiseClone", "ReferenceEquals", "Finalize",
        "Deconstruct", "EqualityContract", "PrintMembers",
    ];

    private readonly HashSet<string> _reserved;
    private readonly HashSet<string> _fields = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _methods = new(StringComparer.Ordinal);

    public NameScope(IEnumerable<string> reserved) => _reserved = new HashSet<string>(reserved.Select(Identifiers.Unescape), StringComparer.Ordinal);

    /// <summary>A unique type, property, field or parameter name.</summary>
    public string Claim(string candidate) => Claim(candidate, [new ClaimedMember(name => name, null)]);

    /// <summary>Claims a base name for a group of members named after it (FooAsync and Foo).</summary>
    public string Claim(string candidate, IReadOnlyList<ClaimedMember> members)
    {
        var root = candidate;
        while (members.Any(m => _reserved.Contains(Identifiers.Unescape(m.NameOf(root)))))
            root += "_";
        for (var index = 1; ; index++)
        {
            var name = index == 1 ? root : root + index;
            if (members.All(m => IsFree(Identifiers.Unescape(m.NameOf(name)), m.Parameters)))
            {
                foreach (var member in members)
                    Add(Identifiers.Unescape(member.NameOf(name)), member.Parameters);
                return name;
            }
        }
    }

    private bool IsFree(string name, string? parameters)
    {
        if (_reserved.Contains(name) || _fields.Contains(name))
            return false;
        if (!_methods.TryGetValue(name, out var overloads))
            return true;
        return parameters is not null && !overloads.Contains(parameters);
    }

    private void Add(string name, string? parameters)
    {
        if (parameters is null)
        {
            _fields.Add(name);
            return;
        }
        if (!_methods.TryGetValue(name, out var overloads))
            _methods[name] = overloads = new HashSet<string>(StringComparer.Ordinal);
        overloads.Add(parameters);
    }
}
