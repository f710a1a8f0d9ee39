using LoomExchange.Messages.Configuration;
namespace LoomExchange.Node.Configuration;

/// <summary><c>Loom:OrderBook</c>: tuning of every order-book entity.</summary>
public sealed class OrderBookTuning
{
    public int SnapshotEveryEvents { get; set; } = 100_000;

    public int SnapshotEveryWrites { get; set; } = 2_000;

    public int DedupCapacity { get; set; } = 100_000;

    public int MaxCommandsPerWrite { get; set; } = 4_096;

    public int MaxWritesInFlight { get; set; } = 2;

    /// <summary>Fails the start with every problem named: a zero here would silently turn snapshots or retries off.</summary>
    public void Validate()
    {
        var problems = new List<string>();
        Positive(problems, SnapshotEveryEvents, nameof(SnapshotEveryEvents));
        Positive(problems, SnapshotEveryWrites, nameof(SnapshotEveryWrites));
        Positive(problems, DedupCapacity, nameof(DedupCapacity));
        Positive(problems, MaxCommandsPerWrite, nameof(MaxCommandsPerWrite));
        Positive(problems, MaxWritesInFlight, nameof(MaxWritesInFlight));
        if (problems.Count > 0)
        {
            throw new InvalidConfigurationException("order-book configuration is invalid: " + string.Join("; ", problems));
        }
    }

    private static void Positive(List<string> problems, int value, string key)
    {
        if (value < 1)
        {
            problems.Add($"Loom:OrderBook:{key} {value} must be positive");
        }
    }
}
