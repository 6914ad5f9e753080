using System.Text;

namespace ProtocolLab.Chain.Abi;

/// <summary>
/// Raised deep inside the codec and annotated on the way up: each enclosing tuple or array prepends its
/// segment in a catch block, so the happy path never builds path strings.
/// </summary>
internal sealed class AbiPathError(AbiType type, string problem) : Exception(problem)
{
    private readonly List<string> _reversedSegments = [];

    public AbiType Type { get; } = type;

    public string Problem { get; } = problem;

    public void PrependIndex(int index) => _reversedSegments.Add("[" + index + "]");

    public void PrependMember(string name) => _reversedSegments.Add("." + name);

    public string Path
    {
        get
        {
            var sb = new StringBuilder();
            for (var i = _reversedSegments.Count - 1; i >= 0; i--)
                sb.Append(_reversedSegments[i]);
            return sb.Length > 0 && sb[0] == '.' ? sb.ToString(1, sb.Length - 1) : sb.ToString();
        }
    }
}
