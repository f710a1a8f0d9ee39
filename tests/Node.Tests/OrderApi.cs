using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LoomExchange.Node.Tests;

/// <summary>Calls of the node's HTTP order API, and reading its answers with the status code checked first.</summary>
public static class OrderApi
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static Task<HttpResponseMessage> PlaceAsync(this HttpClient client, PlaceOrder order) =>
        client.PostAsJsonAsync(new Uri("/api/orders", UriKind.Relative), order, Json);

    public static Task<HttpResponseMessage> CancelAsync(this HttpClient client, string symbol, long orderId, long account, long clientOrderId) =>
        client.DeleteAsync(Relative($"/api/orders/{symbol}/{orderId}?account={account}&clientOrderId={clientOrderId}"));

    public static Task<HttpResponseMessage> AmendAsync(this HttpClient client, string symbol, long orderId, AmendOrder amend) =>
        client.PatchAsJsonAsync(Relative($"/api/orders/{symbol}/{orderId}"), amend, Json);

    public static async Task<BookOrdersReply> GetOrdersAsync(this HttpClient client, string symbol)
    {
        using var response = await client.GetAsync(Relative($"/api/books/{symbol}/orders?max=100000")).ConfigureAwait(false);
        return await response.ReadAsync<BookOrdersReply>().ConfigureAwait(false);
    }

    public static async Task<BookStatusReply> GetStatusAsync(this HttpClient client, string symbol)
    {
        using var response = await client.GetAsync(Relative($"/api/books/{symbol}/status")).ConfigureAwait(false);
        return await response.ReadAsync<BookStatusReply>().ConfigureAwait(false);
    }

    public static async Task<DepthReply> GetDepthAsync(this HttpClient client, string symbol, int depth)
    {
        using var response = await client.GetAsync(Relative($"/api/books/{symbol}?depth={depth}")).ConfigureAwait(false);
        return await response.ReadAsync<DepthReply>().ConfigureAwait(false);
    }

    /// <summary>Checks the status code (the body is in the failure message) and reads the JSON body.</summary>
    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        Assert.True(
            response.StatusCode == expected,
            $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<T>(body, Json) ?? throw new InvalidOperationException($"empty body: {body}");
    }

    /// <summary>Decimal text of the wire format as a number (100.50 and 100.5 are equal).</summary>
    public static decimal Number(string text) => decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);

    private static Uri Relative(FormattableString path) => new(FormattableString.Invariant(path), UriKind.Relative);
}
