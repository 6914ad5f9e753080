namespace ProtocolLab.Chain.Abi;

public enum RevertKind
{
    /// <summary>No revert data: <c>revert()</c>, <c>require(cond)</c> without a message, or out of gas.</summary>
    Empty,

    /// <summary><c>Error(string)</c> from <c>require(cond, "message")</c> or <c>revert("message")</c>.</summary>
    Error,

    /// <summary><c>Panic(uint256)</c>: failed assert, overflow, division by zero, bad index, ...</summary>
    Panic,

    /// <summary>A custom error found in the ABIs given to the decoder.</summary>
    CustomError,

    /// <summary>Data no known error explains (an unknown selector or a malformed payload).</summary>
    Unknown,
}
