using System.Text.Json;
using LoomExchange.Cli.Bench;

namespace LoomExchange.Cli.Tests;

public sealed class BenchResultSpecs
{
    private static readonly BenchResult Result = new()
    {
        Transport = "tcp",
        Endpoint = "tcp://127.0.0.1:5081/",
        Mode = "closed loop",
        Connections = 8,
        Orders = 123_456,
        Sent = 123_500,
        Seconds = 20.0,
        OrdersPerSecond = 6172.8,
        P50Us = 850,
        P90Us = 1200,
        P99Us = 2500,
        P999Us = 9000,
        MaxUs = 15000,
        Rejected = 12,
        RejectsByReason = new Dictionary<string, long> { ["UnknownOrder"] = 12 },
    };

    [Fact]
    public void Should_print_the_summary_line_in_the_contract_format() =>
        Assert.Equal(
            "bench transport=tcp connections=8 orders=123456 orders_per_s=6173 p50_us=850 p90_us=1200 p99_us=2500 p999_us=9000 max_us=15000 rejected=12",
            Result.SummaryLine());

    [Fact]
    public void Should_write_the_same_figures_as_json()
    {
        using var json = JsonDocument.Parse(Result.ToJson());
        var root = json.RootElement;

        Assert.Equal(123_456, root.GetProperty("orders").GetInt64());
        Assert.Equal(2500, root.GetProperty("p99_us").GetInt64());
        Assert.Equal(12, root.GetProperty("rejects_by_reason").GetProperty("UnknownOrder").GetInt64());
        Assert.Equal("tcp", root.GetProperty("transport").GetString());
    }
}
