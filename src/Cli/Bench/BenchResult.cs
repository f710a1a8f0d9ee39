using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LoomExchange.Cli.Bench;

/// <summary>
/// The figures of one load run. <see cref="Orders"/> counts measured requests (orders, cancels, amends) that got their
/// durable acknowledgement (the book's rejects included, since the book journals them); <see cref="OrdersPerSecond"/>
/// divides them by the measured time up to the last answer. Requests the gateway or the book refused before any journal
/// (<see cref="RefusalReasons"/>) are counted in <see cref="Refused"/> only, and their latency is not in the percentiles.
/// </summary>
internal sealed record BenchResult
{
    [JsonPropertyName("transport")]
    public required string Transport { get; init; }

    [JsonPropertyName("endpoint")]
    public required string Endpoint { get; init; }

    [JsonPropertyName("mode")]
    public required string Mode { get; init; }

    [JsonPropertyName("connections")]
    public int Connections { get; init; }

    [JsonPropertyName("symbols")]
    public IReadOnlyList<string> Symbols { get; init; } = [];

    [JsonPropertyName("orders")]
    public long Orders { get; init; }

    [JsonPropertyName("sent")]
    public long Sent { get; init; }

    [JsonPropertyName("seconds")]
    public double Seconds { get; init; }

    [JsonPropertyName("orders_per_s")]
    public double OrdersPerSecond { get; init; }

    [JsonPropertyName("acks_per_s")]
    public double AcksPerSecond => OrdersPerSecond;

    [JsonPropertyName("sent_per_s")]
    public double SentPerSecond { get; init; }

    [JsonPropertyName("p50_us")]
    public long P50Us { get; init; }

    [JsonPropertyName("p90_us")]
    public long P90Us { get; init; }

    [JsonPropertyName("p99_us")]
    public long P99Us { get; init; }

    [JsonPropertyName("p999_us")]
    public long P999Us { get; init; }

    [JsonPropertyName("max_us")]
    public long MaxUs { get; init; }

    [JsonPropertyName("refused")]
    public long Refused { get; init; }

    [JsonPropertyName("rejected")]
    public long Rejected { get; init; }

    [JsonPropertyName("rejects_by_reason")]
    public IReadOnlyDictionary<string, long> RejectsByReason { get; init; } = new Dictionary<string, long>();

    [JsonPropertyName("failed")]
    public long Failed => Failures.Values.Sum();

    [JsonPropertyName("failures")]
    public IReadOnlyDictionary<string, long> Failures { get; init; } = new Dictionary<string, long>();

    [JsonPropertyName("reconnects")]
    public int Reconnects { get; init; }

    /// <summary>The last stdout line: one <c>key=value</c> summary that scripts compare across runs.</summary>
    public string SummaryLine() => string.Create(
        CultureInfo.InvariantCulture,
        $"bench transport={Transport} connections={Connections} orders={Orders} orders_per_s={OrdersPerSecond:0} p50_us={P50Us} p90_us={P90Us} p99_us={P99Us} p999_us={P999Us} max_us={MaxUs} rejected={Rejected}");

    public IEnumerable<string> HumanLines()
    {
        yield return string.Create(CultureInfo.InvariantCulture, $"requests acknowledged after journaling: {Orders} in {Seconds:0.0} s = {OrdersPerSecond:0} acks/s (sent {Sent}, {SentPerSecond:0}/s)");
        yield return $"refused before any journal (not in the figures above or below): {Refused}";
        yield return $"latency send -> durable report (us): p50 {P50Us}  p90 {P90Us}  p99 {P99Us}  p99.9 {P999Us}  max {MaxUs}";
        yield return $"rejected: {Rejected}{Breakdown(RejectsByReason)}";
        yield return $"failed (no answer): {Failed}{Breakdown(Failures)}";
        yield return $"reconnects: {Reconnects}";
    }

    public string ToJson() => JsonSerializer.Serialize(this, new JsonSerializerOptions { WriteIndented = true });

    private static string Breakdown(IReadOnlyDictionary<string, long> counts) =>
        counts.Count == 0 ? string.Empty : " (" + string.Join(", ", counts.OrderByDescending(c => c.Value).Select(c => $"{c.Key} {c.Value}")) + ")";
}
