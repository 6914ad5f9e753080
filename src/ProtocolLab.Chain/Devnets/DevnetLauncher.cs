using System.Diagnostics;
using ProtocolLab.Chain.Rpc;

namespace ProtocolLab.Chain.Devnets;

/// <summary>Starts a node on a free loopback port and waits until it answers eth_chainId.</summary>
internal static class DevnetLauncher
{
    private const int PortAttempts = 4;

    public sealed record Launch(
        string Name,
        string FileName,
        Func<int, IReadOnlyList<string>> Arguments,
        string? LogPath,
        TimeSpan StartupTimeout,
        string? WorkingDirectory = null,
        IReadOnlyDictionary<string, string>? Environment = null);

    public static async Task<(DevnetProcess Process, Uri Url, ulong ChainId)> StartAsync(Launch launch, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort.Next();
            var url = new Uri($"http://127.0.0.1:{port}/");
            var logPath = launch.LogPath ?? Path.Combine(Path.GetTempPath(), "protocollab-devnets", $"{launch.Name}-{System.Environment.ProcessId}-{port}.log");
            var process = DevnetProcess.Start(launch.FileName, launch.Arguments(port), logPath, launch.WorkingDirectory, launch.Environment);
            try
            {
                var chainId = await WaitReadyAsync(launch, process, url, cancellationToken).ConfigureAwait(false);
                return (process, url, chainId);
            }
            catch (DevnetStartException) when (attempt < PortAttempts && process.HasExited && LostPortRace(process))
            {
                process.Kill();
            }
            catch
            {
                process.Kill();
                throw;
            }
        }
    }

    private static async Task<ulong> WaitReadyAsync(Launch launch, DevnetProcess process, Uri url, CancellationToken cancellationToken)
    {
        using var probe = new JsonRpcClient(url, new JsonRpcClientOptions { Timeout = TimeSpan.FromSeconds(2), ConnectTimeout = TimeSpan.FromSeconds(1) });
        var eth = new EthClient(probe);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
                throw Failure(launch, process, $"{launch.Name} {process.ExitDescription()} before answering at {url}");
            try
            {
                return await eth.ChainIdAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is RpcTransportException or RpcTimeoutException)
            {
                if (clock.Elapsed > launch.StartupTimeout)
                    throw Failure(launch, process, $"{launch.Name} did not answer eth_chainId at {url} within {launch.StartupTimeout.TotalSeconds:0} s");
            }
            await Task.Delay(50, cancellationToken).ConfigureAwait(false);
        }
    }

    private static DevnetStartException Failure(Launch launch, DevnetProcess process, string what) =>
        new($"{what}. Log {process.LogPath}, last lines:\n{process.LogTail()}");

    private static bool LostPortRace(DevnetProcess process)
    {
        var tail = process.LogTail();
        return tail.Contains("in use", StringComparison.OrdinalIgnoreCase) || tail.Contains("EADDRINUSE", StringComparison.Ordinal);
    }
}
