using System;

namespace ProtocolLab.Bindings.Generator.Abi;

/// <summary>An ABI the generator cannot bind: a malformed entry or a type it does not know.</summary>
internal sealed class AbiException : Exception
{
    public AbiException(string message)
        : base(message)
    {
    }
}
