using System.Net.Http.Headers;
using System.Text.Json;

namespace LoomExchange.Benchmarks.Chaos;

/// <summary>
/// Which order books each node hosts, from the admin API (issue 7):
/// <c>GET /admin/cluster-sharding/shard-stats?region=orderbook</c> with the bearer token answers
/// <c>{"region":"orderbook","nodes":[{"address":"akka.tcp://loom@127.0.0.1:4055","shards":[{"id":"17","entities":["BTC-USD"]}]}]}</c>.
/// </summary>
internal static class ShardStats
{
    /// <summary>Node address to the symbols it hosts; null when the node does not offer the endpoint (or fails).</summary>
    public static async Task<Dictionary<string, List<string>>?> FetchAsync(HttpClient http, Uri node, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(node, "/admin/cluster-sharding/shard-stats?region=orderbook"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        try
        {
            using var response = await http.SendAsync(request).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                return null;
            }

            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync().ConfigureAwait(false));
            return Parse(json.RootElement);
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException or JsonException or InvalidOperationException or KeyNotFoundException)
        {
            return null;
        }
    }

    public static Dictionary<string, List<string>> Parse(JsonElement root)
    {
        var hosted = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var node in root.GetProperty("nodes").EnumerateArray())
        {
            var symbols = new List<string>();
            foreach (var shard in node.GetProperty("shards").EnumerateArray())
            {
                symbols.AddRange(shard.GetProperty("entities").EnumerateArray().Select(e => e.GetString()!));
            }

            hosted[node.GetProperty("address").GetString()!.TrimEnd('/')] = symbols;
        }

        return hosted;
    }
}
