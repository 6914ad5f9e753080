namespace ProtocolLab.Chain;

/// <summary>
/// An expected failure: bad input, a node that cannot be reached or died, a transaction the chain
/// refused. Front ends report these as one line; any other exception is a bug and keeps its stack trace.
/// </summary>
public abstract class ProtocolLabException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Input the user must fix: a file, an option, a scenario, the node a URL points at.</summary>
public class UserInputException(string message, Exception? inner = null) : ProtocolLabException(message, inner);
