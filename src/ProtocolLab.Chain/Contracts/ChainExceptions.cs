namespace ProtocolLab.Chain.Contracts;

/// <summary>A transaction that had to succeed (a set-up step) was rejected, reverted or not mined.</summary>
public sealed class TransactionFailedException(string message) : ProtocolLabException(message);

/// <summary>The node answered, but not as a devnet should (no block after evm_mine, a failed evm_revert...).</summary>
public sealed class UnexpectedNodeAnswerException(string message) : ProtocolLabException(message);
