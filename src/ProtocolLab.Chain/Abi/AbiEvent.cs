using System.Text;
using ProtocolLab.Chain.Hex;

namespace ProtocolLab.Chain.Abi;

/// <summary>
/// A contract event. Indexed value types (integers, address, bool, bytes&lt;N&gt;) are decoded from their topics;
/// indexed strings, bytes, arrays and tuples only leave keccak256 of their encoding, returned as a 32-byte byte[].
/// </summary>
public sealed class AbiEvent
{
    private readonly byte[] _topic0;
    private readonly AbiType[] _dataTypes;
    private readonly string[] _dataNames;
    private readonly int _indexedCount;

    public AbiEvent(string name, IReadOnlyList<AbiParameter> inputs, bool anonymous = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        Inputs = inputs.ToArray();
        Anonymous = anonymous;
        Signature = AbiSignature.Of(name, Inputs);
        _topic0 = Keccak256.Hash(Signature);
        var data = new List<AbiParameter>();
        foreach (var p in Inputs)
        {
            if (p.Indexed)
                _indexedCount++;
            else
                data.Add(p);
        }
        _dataTypes = AbiParameter.TypesOf(data);
        _dataNames = AbiParameter.NamesOf(data);
    }

    public string Name { get; }

    public IReadOnlyList<AbiParameter> Inputs { get; }

    /// <summary>An anonymous event emits no topic0, so a log can only be decoded when the caller names the event.</summary>
    public bool Anonymous { get; }

    public string Signature { get; }

    /// <summary>keccak256 of the signature, the first topic of a non-anonymous event's logs.</summary>
    public ReadOnlySpan<byte> Topic0 => _topic0;

    public string Topic0Hex => HexConvert.ToHex(_topic0);

    public static AbiEvent FromSignature(string signature, bool anonymous = false)
    {
        var (name, parameters) = AbiSignature.Parse(signature);
        return new AbiEvent(name, parameters, anonymous);
    }

    /// <summary>Decodes a log's topics and data into values in declaration order.</summary>
    public DecodedEvent Decode(IReadOnlyList<byte[]> topics, ReadOnlySpan<byte> data)
    {
        ArgumentNullException.ThrowIfNull(topics);
        var first = Anonymous ? 0 : 1;
        if (!Anonymous && (topics.Count == 0 || !topics[0].AsSpan().SequenceEqual(_topic0)))
        {
            var found = topics.Count == 0 ? "no topics" : "topic0 " + HexConvert.ToHex(topics[0]);
            throw new AbiDecodingException($"log has {found}, not {Topic0Hex} of {Signature}");
        }
        if (topics.Count != first + _indexedCount)
            throw new AbiDecodingException($"{Signature} has {_indexedCount} indexed parameter(s) but the log has {topics.Count - first} topic(s) for them");

        var dataValues = AbiDecoder.Decode(_dataTypes, _dataNames, data);
        var values = new object?[Inputs.Count];
        var topic = first;
        var d = 0;
        for (var i = 0; i < values.Length; i++)
        {
            var p = Inputs[i];
            values[i] = p.Indexed ? DecodeTopic(p, topics[topic], topic++) : dataValues[d++];
        }
        return new DecodedEvent(this, values);
    }

    private static object? DecodeTopic(AbiParameter parameter, byte[] topic, int index)
    {
        if (topic.Length != 32)
            throw new AbiDecodingException($"topic {index} for '{parameter.Name}' has {topic.Length} bytes, expected 32");
        if (parameter.Type.IsDynamic || parameter.Type.Kind is AbiTypeKind.FixedArray or AbiTypeKind.Tuple)
            return topic.ToArray();
        try
        {
            return AbiDecoder.DecodeWord(parameter.Type, topic);
        }
        catch (AbiPathError e)
        {
            throw new AbiDecodingException($"cannot decode topic {index} '{parameter.Name}' of {parameter.Type}: {e.Problem}", e);
        }
    }

    public override string ToString()
    {
        var sb = new StringBuilder("event ").Append(Name).Append('(');
        for (var i = 0; i < Inputs.Count; i++)
            sb.Append(i > 0 ? ", " : "").Append(Inputs[i]);
        return sb.Append(')').Append(Anonymous ? " anonymous" : "").ToString();
    }
}
