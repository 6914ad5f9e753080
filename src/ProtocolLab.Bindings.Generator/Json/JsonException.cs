using System;

namespace ProtocolLab.Bindings.Generator.Json;

/// <summary>Malformed JSON; <see cref="Offset"/> is the character index where reading stopped.</summary>
internal sealed class JsonException : Exception
{
    public JsonException(string message, int offset)
        : base(message) => Offset = offset;

    public int Offset { get; }
}
