using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace ProtocolLab.Chain.Abi;

/// <summary>
/// A contract's interface as the solc/Hardhat <c>abi</c> JSON array describes it. Functions and events are found
/// by name (unique) or by signature (always), events also by topic0 and errors by selector.
/// </summary>
public sealed class ContractAbi : IAbiErrorLookup
{
    private readonly Dictionary<string, List<AbiFunction>> _functionsByName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AbiFunction> _functionsBySignature = new(StringComparer.Ordinal);
    private readonly Dictionary<uint, AbiFunction> _functionsBySelector = [];
    private readonly Dictionary<string, List<AbiEvent>> _eventsByName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AbiEvent> _eventsBySignature = new(StringComparer.Ordinal);
    private readonly Dictionary<(ulong, ulong, ulong, ulong), AbiEvent> _eventsByTopic = [];
    private readonly Dictionary<string, AbiError> _errorsByName = new(StringComparer.Ordinal);
    private readonly Dictionary<uint, AbiError> _errorsBySelector = [];

    public ContractAbi(AbiConstructor? constructor, IEnumerable<AbiFunction> functions, IEnumerable<AbiEvent> events, IEnumerable<AbiError> errors)
    {
        Constructor = constructor ?? AbiConstructor.Default;
        Functions = functions.ToArray();
        Events = events.ToArray();
        Errors = errors.ToArray();
        foreach (var f in Functions)
        {
            if (!_functionsBySignature.TryAdd(f.Signature, f))
                throw new FormatException($"function {f.Signature} is declared twice");
            _functionsBySelector.TryAdd(AbiSignature.Key(f.Selector), f);
            Group(_functionsByName, f.Name, f);
        }
        foreach (var e in Events)
        {
            _eventsBySignature.TryAdd(e.Signature, e);
            if (!e.Anonymous)
                _eventsByTopic.TryAdd(TopicKey(e.Topic0), e);
            Group(_eventsByName, e.Name, e);
        }
        foreach (var e in Errors)
        {
            _errorsByName.TryAdd(e.Name, e);
            _errorsBySelector.TryAdd(AbiSignature.Key(e.Selector), e);
        }
    }

    public AbiConstructor Constructor { get; }

    public IReadOnlyList<AbiFunction> Functions { get; }

    public IReadOnlyList<AbiEvent> Events { get; }

    public IReadOnlyList<AbiError> Errors { get; }

    public bool HasFallback { get; private init; }

    public bool HasReceive { get; private init; }

    /// <summary>Parses an ABI JSON array, or a compiler artifact object that has an <c>abi</c> array.</summary>
    public static ContractAbi Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("abi", out var abi))
            root = abi;
        return Parse(root);
    }

    public static ContractAbi Parse(JsonElement abiArray)
    {
        if (abiArray.ValueKind != JsonValueKind.Array)
            throw new FormatException($"an ABI must be a JSON array, found {abiArray.ValueKind}");
        AbiConstructor? constructor = null;
        var functions = new List<AbiFunction>();
        var events = new List<AbiEvent>();
        var errors = new List<AbiError>();
        bool fallback = false, receive = false;
        foreach (var entry in abiArray.EnumerateArray())
        {
            // Old solc output omits "type" for functions.
            var type = entry.TryGetProperty("type", out var t) ? t.GetString() : "function";
            var mutability = entry.TryGetProperty("stateMutability", out var m) ? m.GetString() ?? "nonpayable" : "nonpayable";
            switch (type)
            {
                case "function":
                    functions.Add(new AbiFunction(NameOf(entry, type), AbiParameter.ListFromJson(entry, "inputs"), AbiParameter.ListFromJson(entry, "outputs"), mutability));
                    break;
                case "constructor":
                    constructor = new AbiConstructor(AbiParameter.ListFromJson(entry, "inputs"), mutability);
                    break;
                case "event":
                    var anonymous = entry.TryGetProperty("anonymous", out var a) && a.ValueKind == JsonValueKind.True;
                    events.Add(new AbiEvent(NameOf(entry, type), AbiParameter.ListFromJson(entry, "inputs"), anonymous));
                    break;
                case "error":
                    errors.Add(new AbiError(NameOf(entry, type), AbiParameter.ListFromJson(entry, "inputs")));
                    break;
                case "fallback":
                    fallback = true;
                    break;
                case "receive":
                    receive = true;
                    break;
                default:
                    throw new FormatException($"unknown ABI entry type \"{type}\"");
            }
        }
        return new ContractAbi(constructor, functions, events, errors) { HasFallback = fallback, HasReceive = receive };
    }

    /// <summary>By signature (<c>transfer(address,uint256)</c>) or by name when the name is not overloaded.</summary>
    public AbiFunction GetFunction(string nameOrSignature) =>
        TryGetFunction(nameOrSignature, out var f) ? f : throw NotFound("function", nameOrSignature, _functionsByName);

    public bool TryGetFunction(string nameOrSignature, [NotNullWhen(true)] out AbiFunction? function) =>
        TryFind(nameOrSignature, _functionsBySignature, _functionsByName, out function);

    /// <summary>All functions sharing <paramref name="name"/>; empty when there is none.</summary>
    public IReadOnlyList<AbiFunction> GetFunctionOverloads(string name) =>
        _functionsByName.TryGetValue(name, out var list) ? list : [];

    public bool TryGetFunctionBySelector(ReadOnlySpan<byte> selector, [NotNullWhen(true)] out AbiFunction? function)
    {
        function = null;
        return selector.Length >= 4 && _functionsBySelector.TryGetValue(AbiSignature.Key(selector), out function);
    }

    public AbiEvent GetEvent(string nameOrSignature) =>
        TryGetEvent(nameOrSignature, out var e) ? e : throw NotFound("event", nameOrSignature, _eventsByName);

    public bool TryGetEvent(string nameOrSignature, [NotNullWhen(true)] out AbiEvent? abiEvent) =>
        TryFind(nameOrSignature, _eventsBySignature, _eventsByName, out abiEvent);

    public bool TryGetEventByTopic(ReadOnlySpan<byte> topic0, [NotNullWhen(true)] out AbiEvent? abiEvent)
    {
        abiEvent = null;
        return topic0.Length == 32 && _eventsByTopic.TryGetValue(TopicKey(topic0), out abiEvent);
    }

    /// <summary>Decodes a log of any non-anonymous event of this ABI, chosen by topic0; false when topic0 is unknown.</summary>
    public bool TryDecodeLog(IReadOnlyList<byte[]> topics, ReadOnlySpan<byte> data, [NotNullWhen(true)] out DecodedEvent? decoded)
    {
        decoded = null;
        if (topics.Count == 0 || !TryGetEventByTopic(topics[0], out var abiEvent))
            return false;
        decoded = abiEvent.Decode(topics, data);
        return true;
    }

    public AbiError GetError(string nameOrSignature) =>
        _errorsByName.TryGetValue(nameOrSignature, out var e) || TryErrorBySignature(nameOrSignature, out e)
            ? e
            : throw new KeyNotFoundException($"no error '{nameOrSignature}' in this ABI");

    public bool TryGetError(ReadOnlySpan<byte> selector, [NotNullWhen(true)] out AbiError? error)
    {
        error = null;
        return selector.Length >= 4 && _errorsBySelector.TryGetValue(AbiSignature.Key(selector), out error);
    }

    private bool TryErrorBySignature(string signature, [NotNullWhen(true)] out AbiError? error)
    {
        foreach (var e in Errors)
        {
            if (e.Signature == signature)
            {
                error = e;
                return true;
            }
        }
        error = null;
        return false;
    }

    private static bool TryFind<T>(string key, Dictionary<string, T> bySignature, Dictionary<string, List<T>> byName, [NotNullWhen(true)] out T? found)
        where T : class
    {
        if (bySignature.TryGetValue(key, out found))
            return true;
        if (byName.TryGetValue(key, out var list) && list.Count == 1)
        {
            found = list[0];
            return true;
        }
        found = null;
        return false;
    }

    private static KeyNotFoundException NotFound<T>(string kind, string key, Dictionary<string, List<T>> byName) =>
        byName.TryGetValue(key, out var list) && list.Count > 1
            ? new KeyNotFoundException($"{kind} '{key}' is overloaded; use a signature: {string.Join(", ", list)}")
            : new KeyNotFoundException($"no {kind} '{key}' in this ABI");

    private static void Group<T>(Dictionary<string, List<T>> byName, string name, T item)
    {
        if (!byName.TryGetValue(name, out var list))
            byName[name] = list = [];
        list.Add(item);
    }

    private static (ulong, ulong, ulong, ulong) TopicKey(ReadOnlySpan<byte> topic) => (
        System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(topic),
        System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(topic[8..]),
        System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(topic[16..]),
        System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(topic[24..]));

    private static string NameOf(JsonElement entry, string? type) =>
        entry.TryGetProperty("name", out var n) && n.GetString() is { Length: > 0 } name
            ? name
            : throw new FormatException($"ABI {type} entry without a name: {entry.GetRawText()}");
}
