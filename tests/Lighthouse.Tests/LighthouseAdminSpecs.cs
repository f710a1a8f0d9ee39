using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace LoomExchange.Lighthouse.Tests;

/// <summary>The admin API on a Lighthouse: the cluster palette answers; sharding queries say that a Lighthouse hosts no regions.</summary>
public sealed class LighthouseAdminSpecs
{
    private const string Token = "lighthouse-admin-token";

    [Fact]
    public async Task Should_show_the_cluster_and_say_it_hosts_no_shard_regions()
    {
        var port = LighthouseProcess.FreePort();
        var self = $"akka.tcp://loomadmin@127.0.0.1:{port}";
        await using var lighthouse = LighthouseProcess.Start("loomadmin", port, [self], adminToken: Token);
        using var http = new HttpClient { BaseAddress = lighthouse.HttpAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);

        var show = await UntilAsync(http, "/admin/cluster/show", body => body.Contains("\"Up\"", StringComparison.Ordinal), lighthouse);
        using (var view = JsonDocument.Parse(show))
        {
            var member = Assert.Single(view.RootElement.GetProperty("members").EnumerateArray());
            Assert.Equal(self, member.GetProperty("address").GetString());
            Assert.Equal("lighthouse", Assert.Single(member.GetProperty("roles").EnumerateArray()).GetString());
        }

        using var shards = await http.GetAsync(new Uri("/admin/cluster-sharding/shard-stats?region=orderbook", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, shards.StatusCode);
        Assert.Contains("no_shard_regions", await shards.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "wrong");
        using var refused = await http.GetAsync(new Uri("/admin/cluster/show", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    /// <summary>Asks until the answer satisfies the condition: the process needs a moment to listen and to become Up.</summary>
    private static async Task<string> UntilAsync(HttpClient http, string path, Func<string, bool> condition, LighthouseProcess lighthouse)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        var last = "no answer";
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
                last = await response.Content.ReadAsStringAsync();
                if (response.IsSuccessStatusCode && condition(last))
                {
                    return last;
                }
            }
            catch (HttpRequestException e)
            {
                last = e.Message;
            }

            // Polling a process that offers no other readiness signal, bounded by the deadline.
            await Task.Delay(200);
        }

        throw new TimeoutException($"{path}: last answer {last}{Environment.NewLine}{lighthouse.Output}");
    }
}
