using System.Text.RegularExpressions;

namespace LoomExchange.Benchmarks.Chaos;

/// <summary>
/// Which running node hosts which book, from the nodes' own logs: a book logs <c>SYMBOL: recovered at sequence …</c>
/// under its sharding path each time it starts, so the latest such line among the running nodes' current logs names its
/// host. A fallback for clusters without the admin API's shard statistics (<see cref="ShardStats"/>).
/// </summary>
internal static partial class LogOwnership
{
    public static Dictionary<string, List<string>> Read(IEnumerable<NodeSlot> running)
    {
        var latest = new Dictionary<string, (string Timestamp, string Address)>(StringComparer.Ordinal);
        foreach (var node in running)
        {
            if (node.LogFile is not { } file || !File.Exists(file))
            {
                continue;
            }

            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            while (reader.ReadLine() is { } line)
            {
                if (!line.Contains(": recovered at sequence", StringComparison.Ordinal) || RecoveredLine().Match(line) is not { Success: true } match)
                {
                    continue;
                }

                var (timestamp, symbol) = (match.Groups["ts"].Value, match.Groups["symbol"].Value);
                if (!latest.TryGetValue(symbol, out var seen) || string.CompareOrdinal(timestamp, seen.Timestamp) > 0)
                {
                    latest[symbol] = (timestamp, node.Address);
                }
            }
        }

        var hosted = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (symbol, (_, address)) in latest)
        {
            (hosted.TryGetValue(address, out var symbols) ? symbols : hosted[address] = []).Add(symbol);
        }

        return hosted;
    }

    [GeneratedRegex("\"Timestamp\":\"(?<ts>[^\"]+)\".*/system/sharding/orderbook/[^/\\]]+/(?<symbol>[^\\]]+)\\] \\k<symbol>: recovered at sequence")]
    private static partial Regex RecoveredLine();
}
