using LoomExchange.Client.Tests;
using LoomExchange.Messages.Orders;
using LoomExchange.Messages.Wire;

namespace LoomExchange.Cli.Tests;

public sealed class BenchRunSpecs
{
    [Fact]
    public async Task Should_run_a_closed_loop_and_end_with_the_summary_line()
    {
        await using var gateway = new AnsweringGateway();
        var json = Path.Combine(Path.GetTempPath(), $"loom-bench-{Guid.NewGuid():N}.json");
        try
        {
            var (exit, output, error) = await Loomctl.RunAsync(
                "bench", "--endpoint", gateway.Endpoint, "--http", $"http://127.0.0.1:{Loomctl.RefusedPort()}",
                "--connections", "2", "--inflight", "4", "--orders", "300", "--warmup", "20", "--json", json);

            Assert.True(exit == 0, error);
            var last = output.TrimEnd().Split('\n')[^1];
            Assert.Matches(@"^bench transport=tcp connections=2 orders=300 orders_per_s=\d+ p50_us=\d+ p90_us=\d+ p99_us=\d+ p999_us=\d+ max_us=\d+ rejected=0$", last);
            Assert.Contains("built-in demo specs", error, StringComparison.Ordinal);
            Assert.Contains("\"orders\": 300", await File.ReadAllTextAsync(json), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(json);
        }
    }

    [Fact]
    public async Task Should_count_requests_refused_before_any_journal_apart_from_durable_acknowledgements()
    {
        // Every second request is refused by the gateway's rate limit: an answer, but nothing was journaled.
        var requests = 0;
        AnsweringGateway? healthy = null;
        await using var gateway = new AnsweringGateway(request => Interlocked.Increment(ref requests) % 2 == 0
            ? RateLimited(request)
            : healthy!.DefaultAnswer(request));
        healthy = gateway;
        var json = Path.Combine(Path.GetTempPath(), $"loom-bench-{Guid.NewGuid():N}.json");
        try
        {
            var (exit, output, error) = await Loomctl.RunAsync(
                "bench", "--endpoint", gateway.Endpoint, "--http", $"http://127.0.0.1:{Loomctl.RefusedPort()}",
                "--connections", "1", "--inflight", "1", "--orders", "200", "--warmup", "0", "--json", json);

            Assert.True(exit == 0, error);
            using var result = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(json));
            Assert.Equal(100, result.RootElement.GetProperty("orders").GetInt64());
            Assert.Equal(100, result.RootElement.GetProperty("refused").GetInt64());
            Assert.Matches(@"^bench transport=tcp connections=1 orders=100 ", output.TrimEnd().Split('\n')[^1]);
            Assert.Contains("refused before any journal (not in the figures above or below): 100", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(json);
        }
    }

    [Fact]
    public async Task Should_run_an_open_loop_at_a_rate()
    {
        await using var gateway = new AnsweringGateway();

        var (exit, output, error) = await Loomctl.RunAsync(
            "bench", "--endpoint", gateway.Endpoint, "--http", $"http://127.0.0.1:{Loomctl.RefusedPort()}",
            "--connections", "3", "--rate", "2000", "--orders", "200", "--warmup", "0", "--symbols", "BTC-USD,AAPL");

        Assert.True(exit == 0, error);
        Assert.Matches(@"^bench transport=tcp connections=3 orders=200 ", output.TrimEnd().Split('\n')[^1]);
    }

    [Fact]
    public async Task Should_ramp_an_open_loop_up_and_measure_only_after_the_ramp()
    {
        await using var gateway = new AnsweringGateway();

        // 2,000/s after a 1 s ramp: 1,000 requests go out during the ramp, unmeasured; then 200 measured.
        var (exit, output, error) = await Loomctl.RunAsync(
            "bench", "--endpoint", gateway.Endpoint, "--http", $"http://127.0.0.1:{Loomctl.RefusedPort()}",
            "--connections", "2", "--rate", "2000", "--ramp", "1s", "--orders", "200", "--warmup", "0");

        Assert.True(exit == 0, error);
        Assert.Contains("open loop at 2000 requests/s after a 1 s ramp", output, StringComparison.Ordinal);
        Assert.Matches(@"^bench transport=tcp connections=2 orders=200 ", output.TrimEnd().Split('\n')[^1]);
        Assert.Equal(1200, gateway.Requests);
    }

    [Fact]
    public async Task Should_hold_idle_sessions_and_report_how_many_stayed_up()
    {
        await using var gateway = new AnsweringGateway();

        var (exit, output, error) = await Loomctl.RunAsync(
            "bench-sessions", "--endpoint", gateway.Endpoint, "--sessions", "20", "--duration", "1s", "--heartbeat", "1s");

        Assert.True(exit == 0, error);
        Assert.Equal("bench-sessions transport=tcp sessions=20 logged_on=20 held=20 dropped=0 failed=0", string.Join(' ', output.TrimEnd().Split('\n')[^1].Split(' ')[..7]));
    }

    private static ExecutionReport RateLimited(WireMessage request) => request switch
    {
        NewOrder o => Reports.Rejected(o.ClientOrderId, o.Symbol, RejectReason.RateLimited),
        CancelOrder c => Reports.Rejected(c.ClientOrderId, c.Symbol, RejectReason.RateLimited),
        AmendOrder a => Reports.Rejected(a.ClientOrderId, a.Symbol, RejectReason.RateLimited),
        _ => throw new ArgumentException($"the bench does not send {request.Type}", nameof(request)),
    };
}
