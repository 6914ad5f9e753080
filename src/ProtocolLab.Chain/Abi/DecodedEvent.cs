using System.Text;

namespace ProtocolLab.Chain.Abi;

/// <summary>A decoded log: values in declaration order, also reachable by parameter name.</summary>
public sealed class DecodedEvent
{
    internal DecodedEvent(AbiEvent abiEvent, object?[] values)
    {
        Event = abiEvent;
        Values = values;
    }

    public AbiEvent Event { get; }

    public string Name => Event.Name;

    public IReadOnlyList<object?> Values { get; }

    public object? this[int index] => Values[index];

    public object? this[string name] => Values[IndexOf(name)];

    /// <summary>The value of parameter <paramref name="name"/> as <typeparamref name="T"/>, e.g. <c>Get&lt;BigInteger&gt;("repaid")</c>.</summary>
    public T Get<T>(string name)
    {
        var value = Values[IndexOf(name)];
        if (value is T typed)
            return typed;
        throw new InvalidCastException($"{Name}.{name} is {(value is null ? "null" : value.GetType().Name)}, not {typeof(T).Name}");
    }

    public bool TryGet(string name, out object? value)
    {
        var index = FindIndex(name);
        value = index >= 0 ? Values[index] : null;
        return index >= 0;
    }

    public override string ToString()
    {
        var sb = new StringBuilder(Name).Append('(');
        AbiValueFormatter.AppendArguments(sb, Event.Inputs, Values);
        return sb.Append(')').ToString();
    }

    private int IndexOf(string name)
    {
        var index = FindIndex(name);
        if (index < 0)
            throw new KeyNotFoundException($"event {Event.Signature} has no parameter '{name}'");
        return index;
    }

    private int FindIndex(string name)
    {
        for (var i = 0; i < Event.Inputs.Count; i++)
        {
            if (Event.Inputs[i].Name == name)
                return i;
        }
        return -1;
    }
}
