using Microsoft.Playwright;

namespace ProtocolLab.Reports.Tests.Browser;

/// <summary>
/// Debian's Chromium, driven by Playwright with its executable path set (Playwright's own browser
/// download never runs). A fresh profile per launch, and the flags that keep it off the network.
/// </summary>
internal static class Chromium
{
    public const string DefaultPath = "/usr/bin/chromium";

    /// <summary>PROTOCOLLAB_CHROMIUM overrides the path (another distribution's binary).</summary>
    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable("PROTOCOLLAB_CHROMIUM") is { Length: > 0 } path ? path : DefaultPath;

    private static readonly string[] Flags =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    public static async Task<IBrowserContext> LaunchAsync(IPlaywright playwright, string userDataDirectory)
    {
        if (!File.Exists(ExecutablePath))
        {
            Assert.Fail($"Chromium is required for the HTML report's browser test and was not found at {ExecutablePath}. "
                + "Install it with `apt-get install -y chromium` (as root; .ci/run does this), or set PROTOCOLLAB_CHROMIUM to a Chromium binary.");
        }

        return await playwright.Chromium.LaunchPersistentContextAsync(userDataDirectory, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = Flags,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            DeviceScaleFactor = 1,
        });
    }
}
