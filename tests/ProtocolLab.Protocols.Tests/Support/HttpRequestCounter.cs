namespace ProtocolLab.Protocols.Tests.Support;

/// <summary>Counts HTTP requests to the node, so a test can tell one JSON-RPC batch from many calls.</summary>
internal sealed class HttpRequestCounter() : DelegatingHandler(new SocketsHttpHandler())
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _count);
        return base.SendAsync(request, cancellationToken);
    }
}
