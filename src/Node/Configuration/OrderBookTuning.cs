namespace LoomExchange.Node.Configuration;

/// <summary><c>Loom:OrderBook</c>: tuning of every order-book entity.</summary>
public sealed class OrderBookTuning
{
    public int SnapshotEveryEvents { get; set; } = 100_000;

    public int SnapshotEveryWrites { get; set; } = 2_000;

    public int DedupCapacity { get; set; } = 100_000;

    public int MaxCommandsPerWrite { get; set; } = 4_096;

    public int MaxWritesInFlight { get; set; } = 2;
}
