using System.Text.Json;

namespace ProtocolLab.Chain.Abi;

/// <summary>A named input or output of a function, event, error or constructor.</summary>
/// <param name="Indexed">Only meaningful for event inputs: the value travels in a topic.</param>
public sealed record AbiParameter(string Name, AbiType Type, bool Indexed = false)
{
    public static AbiParameter FromJson(JsonElement parameter)
    {
        var name = parameter.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : "";
        var indexed = parameter.TryGetProperty("indexed", out var i) && i.ValueKind == JsonValueKind.True;
        return new AbiParameter(name, AbiType.FromJson(parameter), indexed);
    }

    /// <summary>Reads a JSON array of parameters; a missing property (e.g. no "outputs") is an empty list.</summary>
    internal static AbiParameter[] ListFromJson(JsonElement owner, string property)
    {
        if (!owner.TryGetProperty(property, out var array) || array.ValueKind == JsonValueKind.Null)
            return [];
        if (array.ValueKind != JsonValueKind.Array)
            throw new FormatException($"ABI \"{property}\" must be an array, found {array.ValueKind}");
        var result = new AbiParameter[array.GetArrayLength()];
        var index = 0;
        foreach (var element in array.EnumerateArray())
            result[index++] = FromJson(element);
        return result;
    }

    internal static AbiType[] TypesOf(IReadOnlyList<AbiParameter> parameters)
    {
        var types = new AbiType[parameters.Count];
        for (var i = 0; i < types.Length; i++)
            types[i] = parameters[i].Type;
        return types;
    }

    internal static string[] NamesOf(IReadOnlyList<AbiParameter> parameters)
    {
        var names = new string[parameters.Count];
        for (var i = 0; i < names.Length; i++)
            names[i] = parameters[i].Name;
        return names;
    }

    public override string ToString() =>
        Type.CanonicalName + (Indexed ? " indexed" : "") + (Name.Length > 0 ? " " + Name : "");
}
