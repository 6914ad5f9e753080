using System.Net;
using System.Text;

namespace ProtocolLab.Chain.Tests.TestSupport;

/// <summary>An HttpMessageHandler that answers from a function and records the request bodies.</summary>
public sealed class FakeHttpHandler(Func<string, CancellationToken, Task<HttpResponseMessage>> respond) : HttpMessageHandler
{
    public List<string> RequestBodies { get; } = [];

    public static FakeHttpHandler Json(string responseBody) => Json(_ => responseBody);

    public static FakeHttpHandler Json(Func<string, string> responseFor) =>
        new((request, _) => Task.FromResult(JsonResponse(responseFor(request))));

    public static FakeHttpHandler Throwing(Exception exception) => new((_, _) => Task.FromException<HttpResponseMessage>(exception));

    public static HttpResponseMessage JsonResponse(string body, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        lock (RequestBodies)
            RequestBodies.Add(body);
        return await respond(body, cancellationToken);
    }
}
