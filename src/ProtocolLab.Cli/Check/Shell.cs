using System.Text.RegularExpressions;

namespace ProtocolLab.Cli.Check;

/// <summary>Quotes a word for a POSIX shell only when it needs it, so replay commands paste as printed.</summary>
internal static partial class Shell
{
    public static string Quote(string word) =>
        SafeWord().IsMatch(word) ? word : $"'{word.Replace("'", "'\\''")}'";

    [GeneratedRegex(@"^[A-Za-z0-9_./:=+@%-]+$")]
    private static partial Regex SafeWord();
}
