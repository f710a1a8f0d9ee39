using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LoomExchange.Cli.Bench;

/// <summary>The figures of one idle-sessions run.</summary>
internal sealed record SessionsBenchResult
{
    [JsonPropertyName("transport")]
    public required string Transport { get; init; }

    [JsonPropertyName("sessions")]
    public int Sessions { get; init; }

    [JsonPropertyName("logged_on")]
    public int LoggedOn { get; init; }

    [JsonPropertyName("held")]
    public int Held { get; init; }

    [JsonPropertyName("dropped")]
    public int Dropped { get; init; }

    [JsonPropertyName("failed")]
    public int Failed { get; init; }

    [JsonPropertyName("held_seconds")]
    public double HeldSeconds { get; init; }

    [JsonPropertyName("logon_p50_ms")]
    public double LogonP50Ms { get; init; }

    [JsonPropertyName("logon_p99_ms")]
    public double LogonP99Ms { get; init; }

    [JsonPropertyName("errors")]
    public IReadOnlyDictionary<string, int> Errors { get; init; } = new Dictionary<string, int>();

    public string SummaryLine() => string.Create(
        CultureInfo.InvariantCulture,
        $"bench-sessions transport={Transport} sessions={Sessions} logged_on={LoggedOn} held={Held} dropped={Dropped} failed={Failed} logon_p50_ms={LogonP50Ms:0.0} logon_p99_ms={LogonP99Ms:0.0}");

    public IEnumerable<string> HumanLines()
    {
        yield return string.Create(CultureInfo.InvariantCulture, $"logged on {LoggedOn} of {Sessions} (logon p50 {LogonP50Ms:0.0} ms, p99 {LogonP99Ms:0.0} ms); held {Held} for {HeldSeconds:0} s; dropped {Dropped}; failed {Failed}");
        foreach (var (message, count) in Errors.OrderByDescending(e => e.Value))
        {
            yield return $"  {count} x {message}";
        }
    }

    public string ToJson() => JsonSerializer.Serialize(this, new JsonSerializerOptions { WriteIndented = true });
}
