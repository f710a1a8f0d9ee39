using LoomExchange.Cli.Bench;

namespace LoomExchange.Cli.Tests;

/// <summary><c>loomctl bench</c> over several gateways, and the per-request answer file a chaos verifier reads.</summary>
public sealed class BenchAnswersSpecs : IDisposable
{
    private readonly string _answers = Path.Combine(Path.GetTempPath(), $"loom-answers-{Guid.NewGuid():N}.csv");

    public void Dispose() => File.Delete(_answers);

    [Fact]
    public async Task Should_spread_connections_over_every_endpoint_and_write_one_answer_line_per_request()
    {
        await using var first = new AnsweringGateway();
        await using var second = new AnsweringGateway();

        var (exit, output, error) = await Loomctl.RunAsync(
            "bench", "--endpoint", first.Endpoint, "--endpoint", second.Endpoint, "--http", $"http://127.0.0.1:{Loomctl.RefusedPort()}",
            "--connections", "4", "--inflight", "4", "--orders", "200", "--warmup", "20", "--answers", _answers);

        Assert.True(exit == 0, error);
        Assert.Matches(@"^bench transport=tcp connections=4 orders=200 orders_per_s=\d+ p50_us=\d+ p90_us=\d+ p99_us=\d+ p999_us=\d+ max_us=\d+ rejected=0$", output.TrimEnd().Split('\n')[^1]);
        Assert.Equal((2, 2), (first.Logons, second.Logons));

        var lines = await File.ReadAllLinesAsync(_answers);
        Assert.Equal("account,client_order_id,request,symbol,sent_us,answered_us,outcome,reason,order_id,trade_id", lines[0]);
        var rows = lines[1..].Select(l => l.Split(',')).ToList();
        Assert.True(rows.Count >= 220, $"{rows.Count} answer lines for at least 220 requests");
        Assert.All(rows, r => Assert.Equal(10, r.Length));
        Assert.All(rows, r => Assert.Equal("1001", r[0]));
        Assert.Equal(rows.Count, rows.Select(r => r[1]).Distinct().Count());
        Assert.All(rows, r => Assert.Contains(r[6], new[] { "accepted", "cancelled", "amended" }));
        Assert.All(rows, r => Assert.True(long.Parse(r[5], System.Globalization.CultureInfo.InvariantCulture) >= long.Parse(r[4], System.Globalization.CultureInfo.InvariantCulture), string.Join(',', r)));
        var now = (DateTime.UtcNow - DateTime.UnixEpoch).Ticks / 10;
        Assert.All(rows, r => Assert.InRange(long.Parse(r[5], System.Globalization.CultureInfo.InvariantCulture), now - 120_000_000, now));
        Assert.All(rows.Where(r => r[2] == "new"), r => Assert.NotEqual("0", r[8]));
    }

    [Fact]
    public async Task Should_fail_over_to_a_live_endpoint_from_a_comma_list_when_one_is_down()
    {
        await using var live = new AnsweringGateway();

        var (exit, output, error) = await Loomctl.RunAsync(
            "bench", "--endpoint", $"tcp://127.0.0.1:{Loomctl.RefusedPort()},{live.Endpoint}", "--http", $"http://127.0.0.1:{Loomctl.RefusedPort()}",
            "--connections", "2", "--inflight", "2", "--orders", "50", "--warmup", "0");

        Assert.True(exit == 0, error);
        Assert.Matches(@"^bench transport=tcp connections=2 orders=50 ", output.TrimEnd().Split('\n')[^1]);
        Assert.Equal(2, live.Logons);
    }

    [Fact]
    public async Task Should_refuse_endpoints_of_different_protocols_in_one_bench()
    {
        var (exit, _, error) = await Loomctl.RunAsync(
            "bench", "--endpoint", "tcp://127.0.0.1:1,ws://127.0.0.1:2/ws", "--http", $"http://127.0.0.1:{Loomctl.RefusedPort()}", "--orders", "1");

        Assert.Equal(1, exit);
        Assert.Contains("same protocol", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_take_repeated_and_comma_separated_endpoints_and_start_each_connection_on_its_own()
    {
        var settings = BenchCommand.ToSettings(Loomctl.Parse("bench", "--endpoint", "tcp://127.0.0.1:1,ws://127.0.0.1:2/ws", "--endpoint", "tcp://127.0.0.1:3"));

        Assert.Equal(["tcp://127.0.0.1:1", "ws://127.0.0.1:2/ws", "tcp://127.0.0.1:3"], settings.Endpoints);
        Assert.Equal(["ws://127.0.0.1:2/ws", "tcp://127.0.0.1:3", "tcp://127.0.0.1:1"], settings.EndpointsFor(1));
    }
}
