namespace ProtocolLab.Chain.Abi;

/// <summary>Malformed ABI data; the message names the value path and the byte position.</summary>
public sealed class AbiDecodingException : FormatException
{
    public AbiDecodingException(string message)
        : base(message)
    {
    }

    public AbiDecodingException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
