using System.Buffers;
using System.Net.Http.Headers;
using System.Text.Json;

namespace ProtocolLab.Chain.Rpc;

/// <summary>
/// JSON-RPC 2.0 over HTTP with one long-lived, pooled connection handler. Requests are written
/// with <see cref="Utf8JsonWriter"/>; answers are parsed once into a <see cref="JsonElement"/>.
/// </summary>
public sealed class JsonRpcClient : IDisposable
{
    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json");

    private readonly HttpClient _http;

    public JsonRpcClient(Uri url, JsonRpcClientOptions? options = null)
        : this(url, CreateHandler(options ?? JsonRpcClientOptions.Default), options)
    {
    }

    /// <summary>With a caller-supplied handler (tests pass a fake one). The client disposes it.</summary>
    public JsonRpcClient(Uri url, HttpMessageHandler handler, JsonRpcClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(handler);
        Url = url;
        Options = options ?? JsonRpcClientOptions.Default;
        // The client enforces Options.Timeout itself so it can tell a timeout from a cancellation.
        _http = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public Uri Url { get; }

    public JsonRpcClientOptions Options { get; }

    public Task<JsonElement> CallAsync(string method, CancellationToken cancellationToken = default) =>
        CallAsync(new JsonRpcRequest(method), cancellationToken);

    public Task<JsonElement> CallAsync(string method, RpcValue[] parameters, CancellationToken cancellationToken = default) =>
        CallAsync(new JsonRpcRequest(method, parameters), cancellationToken);

    /// <summary>Sends one call and returns its result; a JSON-RPC error raises <see cref="RpcErrorException"/>.</summary>
    public async Task<JsonElement> CallAsync(JsonRpcRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var root = await PostAsync(w => request.WriteTo(w, 1), request.Method, cancellationToken).ConfigureAwait(false);
        return JsonRpcResponseReader.ReadSingle(Url, request, root).GetResultOrThrow();
    }

    /// <summary>
    /// Sends all requests in one HTTP request and returns the answers in request order (matched by id,
    /// since a node may answer out of order). A failed item carries its error; it does not fail the batch.
    /// </summary>
    public async Task<IReadOnlyList<JsonRpcResponse>> SendBatchAsync(
        IReadOnlyList<JsonRpcRequest> requests, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requests);
        if (requests.Count == 0)
            return [];
        var what = $"batch of {requests.Count} (first {requests[0].Method})";
        var root = await PostAsync(
            w =>
            {
                w.WriteStartArray();
                for (var i = 0; i < requests.Count; i++)
                    requests[i].WriteTo(w, i);
                w.WriteEndArray();
            },
            what,
            cancellationToken).ConfigureAwait(false);
        return JsonRpcResponseReader.ReadBatch(Url, requests, root);
    }

    public void Dispose() => _http.Dispose();

    private async Task<JsonElement> PostAsync(Action<Utf8JsonWriter> write, string what, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
            write(writer);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Options.Timeout);
        try
        {
            using var content = new ReadOnlyMemoryContent(buffer.WrittenMemory);
            content.Headers.ContentType = JsonMediaType;
            using var message = new HttpRequestMessage(HttpMethod.Post, Url) { Content = content };
            using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token)
                .ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(timeout.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode && !LooksLikeJsonRpcError(body))
            {
                // A web page is noise in an error line: say what it was, not what it said.
                var text = response.Content.Headers.ContentType?.MediaType == "text/html" || body.AsSpan().TrimStart(" \r\n\t"u8).StartsWith("<"u8)
                    ? $"an HTML page of {body.Length} bytes"
                    : System.Text.Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 300));
                throw new RpcTransportException(Url, $"HTTP {(int)response.StatusCode} {response.ReasonPhrase} for {what}: {text}", (int)response.StatusCode);
            }
            using var document = JsonDocument.Parse(body);
            return document.RootElement.Clone();
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new RpcTimeoutException(Url, what, Options.Timeout, e);
        }
        catch (OperationCanceledException e) when (e.CancellationToken != cancellationToken)
        {
            // Report the caller's token, not the linked one, so callers can tell whose cancellation it was.
            throw new OperationCanceledException($"{what} was cancelled", e, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new RpcTransportException(Url, $"{what}: {e.Message}", null, e);
        }
        catch (IOException e)
        {
            throw new RpcTransportException(Url, $"{what}: {e.Message}", null, e);
        }
        catch (JsonException e)
        {
            throw new RpcProtocolException(Url, $"the answer to {what} is not JSON ({e.Message})", e);
        }
    }

    private static bool LooksLikeJsonRpcError(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("error", out _);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static SocketsHttpHandler CreateHandler(JsonRpcClientOptions options) => new()
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(10),
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2),
        MaxConnectionsPerServer = options.MaxConnectionsPerServer,
        ConnectTimeout = options.ConnectTimeout,
        UseProxy = options.UseProxy,
        UseCookies = false,
        AutomaticDecompression = System.Net.DecompressionMethods.None,
    };
}
