using System.Net;
using LoomExchange.Cli.Admin;

namespace LoomExchange.Cli.Tests;

public sealed class AdminCommandSpecs
{
    [Theory]
    [InlineData("cluster", "show")]
    [InlineData("cluster", "leave")]
    [InlineData("cluster", "leave", "akka.tcp://loom@127.0.0.1:4055", "--no-wait", "--timeout", "00:00:30")]
    [InlineData("cluster", "down", "akka.tcp://loom@127.0.0.1:4055")]
    [InlineData("cluster", "tail", "--json")]
    [InlineData("cluster-sharding", "shard-stats", "-r", "orderbook", "--json")]
    [InlineData("cluster", "sharding", "region-stats", "--region", "orderbook", "--json")]
    [InlineData("exchange", "book", "BTC-USD", "--depth", "5")]
    [InlineData("exchange", "replay", "BTC-USD", "--at", "2026-01-31T12:00:00Z")]
    [InlineData("exchange", "kill-switch", "1001", "--lift")]
    [InlineData("exchange", "symbol", "add", "ADA-USD", "--price-decimals", "4", "--tick", "0.0001", "--band-percent", "12.5")]
    [InlineData("--node", "10.0.0.5:5080", "--token", "t", "exchange", "symbols")]
    public void Should_parse_admin_commands(params string[] args) => Assert.Empty(Loomctl.Parse(args).Errors);

    [Theory]
    [InlineData("cluster", "down")]
    [InlineData("cluster-sharding", "shard-stats")]
    [InlineData("exchange", "replay", "BTC-USD")]
    [InlineData("exchange", "order", "BTC-USD", "x")]
    [InlineData("exchange", "kick", "not-a-number")]
    public void Should_report_missing_or_bad_admin_arguments(params string[] args) => Assert.NotEmpty(Loomctl.Parse(args).Errors);

    [Theory]
    [InlineData("cluster", "--help")]
    [InlineData("cluster", "leave", "--help")]
    [InlineData("cluster", "sharding", "--help")]
    [InlineData("cluster-sharding", "shard-stats", "--help")]
    [InlineData("exchange", "--help")]
    [InlineData("exchange", "symbol", "add", "--help")]
    [InlineData("exchange", "kill-switch", "--help")]
    public async Task Should_offer_help_on_every_admin_level(params string[] args)
    {
        var (exit, output, _) = await Loomctl.RunAsync(args);

        Assert.Equal(0, exit);
        Assert.Contains("Usage:", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_suggest_the_admin_palette_for_a_typo()
    {
        var (exit, output, error) = await Loomctl.RunAsync("clustr", "show");

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("Did you mean", output + error, StringComparison.Ordinal);
        Assert.Contains("cluster", output + error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_exit_with_3_and_say_where_when_the_node_is_unreachable()
    {
        var (exit, _, error) = await Loomctl.RunAsync("--node", $"127.0.0.1:{Loomctl.RefusedPort()}", "--token", "t", "cluster", "show");

        Assert.Equal(ExitCodes.ConnectionFailure, exit);
        Assert.Contains("cannot reach the admin API", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_refuse_lift_without_an_account()
    {
        var (exit, _, error) = await Loomctl.RunAsync("exchange", "kill-switch", "--lift");

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("--lift needs the account", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1:5080", "http://127.0.0.1:5080/")]
    [InlineData("http://node-1:5080", "http://node-1:5080/")]
    [InlineData("https://node-1/", "https://node-1/")]
    public void Should_read_node_addresses_with_or_without_a_scheme(string node, string expected) =>
        Assert.Equal(new Uri(expected), AdminGlobals.BaseUri(node));

    [Fact]
    public void Should_refuse_a_node_address_that_is_not_http() =>
        Assert.Throws<UsageException>(() => AdminGlobals.BaseUri("ftp://node-1"));

    [Theory]
    [InlineData(HttpStatusCode.Unauthorized, ExitCodes.AuthFailure)]
    [InlineData(HttpStatusCode.Forbidden, ExitCodes.AuthFailure)]
    [InlineData(HttpStatusCode.NotFound, ExitCodes.NotFound)]
    [InlineData(HttpStatusCode.BadRequest, ExitCodes.Usage)]
    [InlineData(HttpStatusCode.Conflict, ExitCodes.Rejected)]
    [InlineData(HttpStatusCode.UnprocessableEntity, ExitCodes.Rejected)]
    [InlineData(HttpStatusCode.GatewayTimeout, ExitCodes.ConnectionFailure)]
    public void Should_map_admin_answers_to_exit_codes(HttpStatusCode status, int exitCode) =>
        Assert.Equal(exitCode, AdminClient.ExitCodeOf(status));

    [Fact]
    public void Should_print_cluster_members_as_a_table_with_the_count_last()
    {
        using var view = System.Text.Json.JsonDocument.Parse(
            """{"self":"akka.tcp://loom@127.0.0.1:4055","leader":"akka.tcp://loom@127.0.0.1:4055","members":[{"address":"akka.tcp://loom@127.0.0.1:4055","roles":["exchange"],"status":"Up","reachable":true,"appVersion":"1.0.0"},{"address":"akka.tcp://loom@127.0.0.1:4056","roles":["exchange"],"status":"Up","reachable":false,"appVersion":"1.0.0"}],"count":2}""");

        var lines = ClusterPalette.Members(view.RootElement).Split(Environment.NewLine);

        Assert.StartsWith("ADDRESS", lines[0], StringComparison.Ordinal);
        Assert.Contains("NO", lines[2], StringComparison.Ordinal);
        Assert.StartsWith("2 member(s)", lines[^1], StringComparison.Ordinal);
    }
}
