using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace LoomExchange.Node.Tests;

/// <summary><c>loomctl</c> against a real node process over the binary TCP gateway (the default Kestrel edge).</summary>
public sealed class LoomctlNodeSpecs
{
    [Fact]
    public async Task Should_place_fill_and_query_orders_and_report_a_reject_with_its_exit_code()
    {
        var port = FreePort();
        await using var node = await NodeProcess.StartAsync(string.Create(CultureInfo.InvariantCulture, $"--Loom:Gateway:Tcp:Port={port}"));
        string[] target = ["--endpoint", $"tcp://127.0.0.1:{port}", "--http", node.Client.BaseAddress!.ToString().TrimEnd('/')];

        var sell = await Loomctl.RunAsync([.. target, "order", "place", "BTC-USD", "sell", "1", "--price", "65000.50"]);
        Assert.True(sell.ExitCode == 0, sell.ToString());
        Assert.Contains("Accepted", sell.StandardOutput, StringComparison.Ordinal);

        var buy = await Loomctl.RunAsync([.. target, "--api-key", "demo-2", "--secret", "demo-secret-2", "order", "place", "BTC-USD", "buy", "0.4", "--price", "65001"]);
        Assert.True(buy.ExitCode == 0, buy.ToString());
        Assert.Contains("traded 0.400000 @ 65000.50", buy.StandardOutput, StringComparison.Ordinal);

        var status = await Loomctl.RunAsync([.. target, "order", "status", "BTC-USD", "1"]);
        Assert.True(status.ExitCode == 0, status.ToString());
        Assert.Contains("leaves 0.600000", status.StandardOutput, StringComparison.Ordinal);

        // BTC-USD allows at most 1000 per order: the gateway's L3 check rejects it with its reason code, exit code 2.
        var tooLarge = await Loomctl.RunAsync([.. target, "order", "place", "BTC-USD", "buy", "5000", "--price", "65000"]);
        Assert.True(tooLarge.ExitCode == 2, tooLarge.ToString());
        Assert.Contains("QuantityAboveMaximum", tooLarge.StandardOutput + tooLarge.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_run_a_short_bench_and_end_with_the_summary_line_and_its_json()
    {
        var port = FreePort();
        await using var node = await NodeProcess.StartAsync(string.Create(CultureInfo.InvariantCulture, $"--Loom:Gateway:Tcp:Port={port}"));
        var json = Path.Combine(node.DataDir, "bench.json");

        var bench = await Loomctl.RunAsync(
            "bench", "--endpoint", $"tcp://127.0.0.1:{port}", "--http", node.Client.BaseAddress!.ToString().TrimEnd('/'),
            "--connections", "2", "--inflight", "4", "--orders", "400", "--warmup", "50", "--json", json);

        Assert.True(bench.ExitCode == 0, bench.ToString());
        // The summary contract: one key=value line, last. "orders" counts the measured requests answered: exactly --orders,
        // also for requests sent while measuring starts (they once made it 401-402).
        var last = bench.StandardOutput.TrimEnd().Split('\n')[^1];
        var summary = System.Text.RegularExpressions.Regex.Match(
            last,
            @"^bench transport=tcp connections=2 orders=(\d+) orders_per_s=\d+ p50_us=\d+ p90_us=\d+ p99_us=\d+ p999_us=\d+ max_us=\d+ rejected=\d+$");
        Assert.True(summary.Success, bench.ToString());
        Assert.Equal(400, int.Parse(summary.Groups[1].Value, CultureInfo.InvariantCulture));
        using var figures = JsonDocument.Parse(await File.ReadAllTextAsync(json));
        Assert.Equal(JsonValueKind.Object, figures.RootElement.ValueKind);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
