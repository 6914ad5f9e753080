using System.Runtime.InteropServices;

namespace ProtocolLab.Cli.Commands;

/// <summary>
/// SIGINT (Ctrl-C) and SIGTERM (a CI cancel, `timeout`) cancel the command's token instead of ending
/// the process, so a run stops between blocks, keeps the blocks it wrote, stops its node and says why
/// in one line.
/// </summary>
internal sealed class Interruption : IDisposable
{
    private readonly CancellationTokenSource _cancel = new();
    private readonly PosixSignalRegistration[] _registrations;
    private static volatile string _what = "interrupted";

    public Interruption()
    {
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, context => Stop(context, "interrupted (SIGINT)")),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => Stop(context, "terminated (SIGTERM)")),
        ];
    }

    public CancellationToken Token => _cancel.Token;

    /// <summary>What stopped the command, for its one-line message: "terminated (SIGTERM)", "interrupted (SIGINT)".</summary>
    public static string What => _what;

    public void Dispose()
    {
        foreach (var registration in _registrations)
            registration.Dispose();
        _cancel.Dispose();
    }

    private void Stop(PosixSignalContext context, string what)
    {
        // Keep the process alive: the run notices the token between blocks and cleans up.
        context.Cancel = true;
        _what = what;
        _cancel.Cancel();
    }
}
