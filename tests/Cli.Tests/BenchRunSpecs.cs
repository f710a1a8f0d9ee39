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
    public async Task Should_hold_idle_sessions_and_report_how_many_stayed_up()
    {
        await using var gateway = new AnsweringGateway();

        var (exit, output, error) = await Loomctl.RunAsync(
            "bench-sessions", "--endpoint", gateway.Endpoint, "--sessions", "20", "--duration", "1s", "--heartbeat", "1s");

        Assert.True(exit == 0, error);
        Assert.Equal("bench-sessions transport=tcp sessions=20 logged_on=20 held=20 dropped=0 failed=0", string.Join(' ', output.TrimEnd().Split('\n')[^1].Split(' ')[..7]));
    }
}
