using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ProtocolLab.Bindings.Generator.Json;

namespace ProtocolLab.Bindings.Generator.Abi;

/// <summary>Turns an artifact's "abi" array into a <see cref="ContractAbiModel"/>.</summary>
internal static class AbiParser
{
    /// <exception cref="AbiException">An entry is malformed or uses an unknown type.</exception>
    /// <exception cref="JsonException">The text is not JSON.</exception>
    public static ContractAbiModel Parse(string abiJson)
    {
        if (JsonParser.Parse(abiJson) is not JsonArray entries)
            throw new AbiException("the ABI is not a JSON array");

        IReadOnlyList<AbiParameter> constructorInputs = [];
        var functions = new List<AbiFunction>();
        var events = new List<AbiEvent>();
        var errors = new List<AbiError>();
        foreach (var node in entries.Items)
        {
            if (node is not JsonObject entry)
                throw new AbiException("an ABI entry is not an object");
            var kind = entry.GetString("type") ?? "function";
            switch (kind)
            {
                case "constructor":
                    constructorInputs = Parameters(entry, "inputs", kind);
                    break;
                case "function":
                    functions.Add(new AbiFunction(Name(entry, kind), Parameters(entry, "inputs", kind), Parameters(entry, "outputs", kind), IsReadOnly(entry)));
                    break;
                case "event":
                    events.Add(new AbiEvent(Name(entry, kind), Parameters(entry, "inputs", kind)));
                    break;
                case "error":
                    errors.Add(new AbiError(Name(entry, kind), Parameters(entry, "inputs", kind)));
                    break;
                case "fallback":
                case "receive":
                    break;
                default:
                    throw new AbiException($"unknown ABI entry type \"{kind}\"");
            }
        }

        return new ContractAbiModel(
            constructorInputs,
            functions.OrderBy(f => f.Name, StringComparer.Ordinal).ThenBy(f => f.Signature, StringComparer.Ordinal).ToList(),
            events.OrderBy(e => e.Name, StringComparer.Ordinal).ThenBy(e => e.Signature, StringComparer.Ordinal).ToList(),
            errors.OrderBy(e => e.Name, StringComparer.Ordinal).ThenBy(e => AbiSignature.Of(e.Name, e.Inputs), StringComparer.Ordinal).ToList());
    }

    private static bool IsReadOnly(JsonObject entry)
    {
        var mutability = entry.GetString("stateMutability");
        // Solidity before 0.5 wrote "constant": true instead of a state mutability.
        return mutability is null ? entry.GetBool("constant") : mutability is "view" or "pure";
    }

    private static string Name(JsonObject entry, string kind)
    {
        var name = entry.GetString("name");
        if (string.IsNullOrEmpty(name))
            throw new AbiException($"an ABI {kind} has no name");
        return name!;
    }

    private static IReadOnlyList<AbiParameter> Parameters(JsonObject owner, string member, string context)
    {
        return owner.Get(member) switch
        {
            null or JsonNull => [],
            JsonArray array => array.Items.Select(item => Parameter(item, context)).ToList(),
            _ => throw new AbiException($"\"{member}\" of an ABI {context} is not an array"),
        };
    }

    private static AbiParameter Parameter(JsonNode node, string context)
    {
        if (node is not JsonObject parameter)
            throw new AbiException($"a parameter of an ABI {context} is not an object");
        var type = parameter.GetString("type") ?? throw new AbiException($"a parameter of an ABI {context} has no type");
        var name = parameter.GetString("name") ?? "";
        return new AbiParameter(name, ParseType(type, parameter, parameter.GetString("internalType"), context), parameter.GetBool("indexed"));
    }

    private static AbiType ParseType(string type, JsonObject parameter, string? internalType, string context)
    {
        if (type.EndsWith("]", StringComparison.Ordinal))
        {
            var open = type.LastIndexOf('[');
            var length = open < 0 ? "x" : type.Substring(open + 1, type.Length - open - 2);
            if (open < 0 || (length.Length > 0 && !IsPositiveInteger(length)))
                throw new AbiException($"unknown ABI type \"{type}\"");
            var elementInternal = internalType is not null && internalType.EndsWith("]", StringComparison.Ordinal) && internalType.LastIndexOf('[') > 0
                ? internalType.Substring(0, internalType.LastIndexOf('['))
                : internalType;
            return AbiType.Array(ParseType(type.Substring(0, open), parameter, elementInternal, context), length);
        }
        if (type == "tuple")
        {
            var components = Parameters(parameter, "components", context);
            if (components.Count == 0)
                throw new AbiException($"a tuple parameter of an ABI {context} has no components");
            return AbiType.Tuple(components, StructName(internalType));
        }
        return type switch
        {
            "address" => AbiType.Scalar(AbiTypeKind.Address, type),
            "bool" => AbiType.Scalar(AbiTypeKind.Bool, type),
            "string" => AbiType.Scalar(AbiTypeKind.String, type),
            "bytes" => AbiType.Scalar(AbiTypeKind.Bytes, type),
            "function" => AbiType.Scalar(AbiTypeKind.Function, type),
            "uint" or "int" => AbiType.Scalar(AbiTypeKind.Integer, type + "256"),
            _ when Sized(type, "uint", 8, 256, 8) || Sized(type, "int", 8, 256, 8) => AbiType.Scalar(AbiTypeKind.Integer, type),
            _ when Sized(type, "bytes", 1, 32, 1) => AbiType.Scalar(AbiTypeKind.FixedBytes, type),
            _ => throw new AbiException($"unknown ABI type \"{type}\""),
        };
    }

    /// <summary>"struct Lens.PositionView" -> "Lens.PositionView"; null for anything but a struct.</summary>
    private static string? StructName(string? internalType)
    {
        const string Prefix = "struct ";
        if (internalType is null || !internalType.StartsWith(Prefix, StringComparison.Ordinal))
            return null;
        var name = internalType.Substring(Prefix.Length).Trim();
        return name.Length == 0 ? null : name;
    }

    private static bool Sized(string type, string prefix, int min, int max, int step)
    {
        if (!type.StartsWith(prefix, StringComparison.Ordinal))
            return false;
        var digits = type.Substring(prefix.Length);
        return IsPositiveInteger(digits)
            && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var size)
            && size >= min && size <= max && size % step == 0;
    }

    private static bool IsPositiveInteger(string text) =>
        text.Length > 0 && text[0] != '0' && text.All(c => c >= '0' && c <= '9');
}
