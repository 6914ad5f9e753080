namespace ProtocolLab.Chain.Abi;

/// <summary>A value does not fit its ABI type; the message names the argument path, e.g. <c>orders[2].amount</c>.</summary>
public sealed class AbiEncodingException : ArgumentException
{
    public AbiEncodingException(string message)
        : base(message)
    {
    }

    public AbiEncodingException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
