using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace LoomExchange.Cli.Admin;

/// <summary>
/// Calls one node's admin API. Answers are JSON; an error answer (<c>{"error":"reason","message":"…"}</c>) becomes an
/// <see cref="AdminFailure"/> with the exit code of its kind, so every command reports failures the same way.
/// </summary>
internal sealed class AdminClient : IDisposable
{
    private readonly HttpClient _http;

    public AdminClient(Uri baseUri, string? token, TimeSpan? timeout = null)
    {
        BaseUri = baseUri;
        _http = new HttpClient { BaseAddress = baseUri, Timeout = timeout ?? TimeSpan.FromSeconds(30) };
        if (!string.IsNullOrEmpty(token))
        {
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
    }

    public Uri BaseUri { get; }

    /// <summary>GET: the raw JSON text of the answer.</summary>
    public Task<string> GetAsync(string path, CancellationToken cancellationToken) => SendAsync(HttpMethod.Get, path, null, cancellationToken);

    /// <summary>POST with an optional JSON body: the raw JSON text of the answer.</summary>
    public Task<string> PostAsync(string path, object? body, CancellationToken cancellationToken) => SendAsync(HttpMethod.Post, path, body, cancellationToken);

    /// <summary>PUT with a JSON body: the raw JSON text of the answer.</summary>
    public Task<string> PutAsync(string path, object body, CancellationToken cancellationToken) => SendAsync(HttpMethod.Put, path, body, cancellationToken);

    /// <summary>GET of a streamed answer (newline-delimited JSON): each line as it arrives, until the server or the caller ends it.</summary>
    public async IAsyncEnumerable<string> StreamLinesAsync(string path, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Relative(path));
        using var response = await SendRawAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        await ThrowIfFailedAsync(response, cancellationToken).ConfigureAwait(false);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false));
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (line.Length > 0)
            {
                yield return line;
            }
        }
    }

    public void Dispose() => _http.Dispose();

    private static Uri Relative(string path) => new(path.TrimStart('/'), UriKind.Relative);

    private async Task<string> SendAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, Relative(path));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: AdminJson.Options);
        }

        using var response = await SendRawAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        await ThrowIfFailedAsync(response, cancellationToken).ConfigureAwait(false);
        return await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<HttpResponseMessage> SendRawAsync(HttpRequestMessage request, HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        try
        {
            return await _http.SendAsync(request, completion, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException error)
        {
            throw new AdminFailure(ExitCodes.ConnectionFailure, $"cannot reach the admin API at {BaseUri} ({error.Message}); is the node running, and is --node right?", error);
        }
        catch (TaskCanceledException error) when (!cancellationToken.IsCancellationRequested)
        {
            throw new AdminFailure(ExitCodes.ConnectionFailure, $"the admin API at {BaseUri} did not answer within {_http.Timeout.TotalSeconds:0} s", error);
        }
    }

    private async Task ThrowIfFailedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var (reason, message) = ErrorOf(text);
        if (reason is null)
        {
            // No JSON error: the route itself is missing, i.e. this node runs without an admin token.
            throw response.StatusCode == HttpStatusCode.NotFound
                ? new AdminFailure(ExitCodes.ConnectionFailure, $"{BaseUri} has no admin API here: start the node with Loom:Admin:Token (or LOOM_ADMIN_TOKEN) set")
                : new AdminFailure(ExitCodes.ConnectionFailure, $"{BaseUri} answered {(int)response.StatusCode} {response.ReasonPhrase}");
        }

        throw new AdminFailure(ExitCodeOf(response.StatusCode), $"{reason}: {message}");
    }

    internal static int ExitCodeOf(HttpStatusCode status) => status switch
    {
        HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => ExitCodes.AuthFailure,
        HttpStatusCode.NotFound => ExitCodes.NotFound,
        HttpStatusCode.BadRequest => ExitCodes.Usage,
        HttpStatusCode.Conflict or HttpStatusCode.UnprocessableEntity => ExitCodes.Rejected,
        _ => ExitCodes.ConnectionFailure,
    };

    private static (string? Reason, string? Message) ErrorOf(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String
                ? (error.GetString(), root.TryGetProperty("message", out var message) ? message.GetString() : null)
                : (null, null);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }
}
