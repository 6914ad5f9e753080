using ProtocolLab.Chain.Devnets;

namespace ProtocolLab.Chain.Tests.TestSupport;

/// <summary>Paths inside the repo, found from the test binary's folder (never hard-coded).</summary>
public static class TestRepo
{
    public static string Root => RepoRoot.Find();

    public static string AnvilPath => Path.Combine(Root, AnvilDevnet.RelativeBinaryPath);
}
