using System.Net;
using System.Text;
using ProtocolLab.Chain.Devnets;
using ProtocolLab.Cli.Tests.Support;

namespace ProtocolLab.Cli.Tests.Commands;

/// <summary>An --output or --rpc-url that cannot work is reported in one line before anything runs.</summary>
public sealed class BadBackendTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("protocollab-bad-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Run_OutputIsAFile_IsAnErrorBeforeTheRun()
    {
        // Given --output naming an existing file
        var file = Path.Combine(_folder, "results");
        await File.WriteAllTextAsync(file, "not a folder");

        // When a run is asked for
        var result = await CliProcess.RunAsync("run", "scenarios/crash-30.yaml", "--output", file, "--quiet");

        // Then one error names the option and the path, and nothing ran
        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal($"error: --output {file}: is a file, expected a folder for the results", line);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public async Task Run_RpcUrlNobodyListensOn_SaysItCouldNotConnect()
    {
        // Given a port nothing listens on
        var url = $"http://127.0.0.1:{FreePort.Next()}/";

        // When a run is pointed at it
        var result = await CliProcess.RunAsync("run", "scenarios/crash-30.yaml", "--output", _folder, "--quiet", "--rpc-url", url);

        // Then the error says the URL could not be reached, not that a devnet stopped
        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"error: could not connect to {url}", line);
        Assert.DoesNotContain("stopped", line);
    }

    [Theory]
    [InlineData(HttpStatusCode.OK)]
    [InlineData(HttpStatusCode.NotFound)]
    public async Task Run_RpcUrlServingHtml_NamesTheUrlWithoutTheHtml(HttpStatusCode status)
    {
        // Given a web server that answers every request with an HTML page
        using var server = HtmlServer.Start(status);

        // When a run is pointed at it
        var result = await CliProcess.RunAsync("run", "scenarios/crash-30.yaml", "--output", _folder, "--quiet", "--rpc-url", server.Url);

        // Then one line names the URL as not a JSON-RPC node, and no HTML is shown
        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"error: {server.Url} does not answer as an Ethereum JSON-RPC node", line);
        Assert.DoesNotContain("<", line);
        Assert.DoesNotContain("stopped", line);
    }

    private sealed class HtmlServer : IDisposable
    {
        private readonly HttpListener _listener = new();

        private HtmlServer(string url) => Url = url;

        public string Url { get; }

        public static HtmlServer Start(HttpStatusCode status)
        {
            var server = new HtmlServer($"http://127.0.0.1:{FreePort.Next()}/");
            server._listener.Prefixes.Add(server.Url);
            server._listener.Start();
            _ = Task.Run(async () =>
            {
                while (server._listener.IsListening)
                {
                    try
                    {
                        var context = await server._listener.GetContextAsync();
                        var page = Encoding.UTF8.GetBytes("<!DOCTYPE html><html><head><title>Router admin</title></head><body><h1>Welcome</h1></body></html>");
                        context.Response.StatusCode = (int)status;
                        context.Response.ContentType = "text/html";
                        await context.Response.OutputStream.WriteAsync(page);
                        context.Response.Close();
                    }
                    catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                    {
                        return;
                    }
                }
            });
            return server;
        }

        public void Dispose() => _listener.Close();
    }
}
