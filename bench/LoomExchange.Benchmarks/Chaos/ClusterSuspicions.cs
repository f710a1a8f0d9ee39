using System.Globalization;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace LoomExchange.Benchmarks.Chaos;

/// <summary>
/// What the failure detector and the Split Brain Resolver did to nodes that were not killed, read from every member's
/// log after the run: the price of short detection and <c>stable-after</c> settings. A false down costs a full failover
/// of a healthy node's books, so a timing that fails over fast but downs healthy nodes under this load is no gain.
/// </summary>
internal sealed partial record ClusterSuspicions
{
    /// <summary>Healthy members the resolver downed (distinct addresses).</summary>
    [JsonPropertyName("false_downs")]
    public int FalseDowns { get; init; }

    /// <summary>Times an observer marked a healthy member unreachable (each observer and member counted once per mark).</summary>
    [JsonPropertyName("false_unreachable")]
    public int FalseUnreachable { get; init; }

    /// <summary>Akka's "scheduled sending of heartbeat was delayed" warnings: the observer itself was starved.</summary>
    [JsonPropertyName("delayed_heartbeats")]
    public int DelayedHeartbeats { get; init; }

    [JsonPropertyName("falsely_downed")]
    public IReadOnlyList<string> FalselyDowned { get; init; } = [];

    /// <param name="killedAtUs">Each killed member's address and the Unix microseconds of its SIGKILL: marks of it from then on are expected.</param>
    public static ClusterSuspicions Read(string workDir, IEnumerable<(string Address, long KilledAtUs)> killedAtUs)
    {
        var killed = killedAtUs.ToDictionary(k => k.Address, k => k.KilledAtUs, StringComparer.Ordinal);
        var downed = new SortedSet<string>(StringComparer.Ordinal);
        var (unreachable, delayed) = (0, 0);
        foreach (var file in Directory.EnumerateFiles(workDir, "*.log").Where(f => !Path.GetFileName(f).StartsWith("loomctl", StringComparison.Ordinal)))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            while (reader.ReadLine() is { } line)
            {
                if (line.Contains("Scheduled sending of heartbeat was delayed", StringComparison.Ordinal))
                {
                    delayed++;
                }
                else if (After(line, "Marking node(s) as UNREACHABLE [") is { } marked)
                {
                    unreachable += Addresses(marked).Count(a => IsHealthy(a, line));
                }
                else if (After(line, "is downing [") is { } downing)
                {
                    downed.UnionWith(Addresses(downing).Where(a => IsHealthy(a, line)));
                }
            }
        }

        bool IsHealthy(string address, string line) =>
            !killed.TryGetValue(address, out var at) || (LoggedAtUs(line) is { } logged && logged < at);

        return new ClusterSuspicions { FalseDowns = downed.Count, FalseUnreachable = unreachable, DelayedHeartbeats = delayed, FalselyDowned = [.. downed] };
    }

    public override string ToString() =>
        $"healthy members downed {FalseDowns}{(FalseDowns == 0 ? string.Empty : $" ({string.Join(", ", FalselyDowned)})")}, marked unreachable {FalseUnreachable} times; delayed-heartbeat warnings {DelayedHeartbeats}";

    /// <summary>The JSON console logger's <c>"Timestamp":"…Z "</c> field, as Unix microseconds.</summary>
    private static long? LoggedAtUs(string line) =>
        After(line, "\"Timestamp\":\"") is { } rest && rest.IndexOf('"', StringComparison.Ordinal) is var end and > 0
        && DateTime.TryParse(rest[..end].Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at)
            ? (at - DateTime.UnixEpoch).Ticks / 10
            : null;

    private static string? After(string line, string marker)
    {
        var at = line.IndexOf(marker, StringComparison.Ordinal);
        return at < 0 ? null : line[(at + marker.Length)..];
    }

    // Only up to the list's closing bracket: the rest of the line names the observer and other members.
    private static IEnumerable<string> Addresses(string list) =>
        Address().Matches(list[..Math.Max(0, ListEnd(list))]).Select(m => m.Value).Distinct(StringComparer.Ordinal);

    private static int ListEnd(string list)
    {
        var depth = 0;
        for (var i = 0; i < list.Length; i++)
        {
            depth += list[i] switch { '[' or '(' => 1, ')' => -1, _ => 0 };
            if (list[i] == ']' && depth-- == 0)
            {
                return i;
            }
        }

        return list.Length;
    }

    [GeneratedRegex(@"akka\.tcp://[A-Za-z0-9_-]+@[0-9.]+:[0-9]+")]
    private static partial Regex Address();
}
