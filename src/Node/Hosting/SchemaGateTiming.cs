namespace LoomExchange.Node.Hosting;

/// <summary>How long a starting node waits at the <see cref="PostgresSchemaGate"/>.</summary>
public static class SchemaGateTiming
{
    /// <summary>For the database to answer at all (it may be starting beside the nodes); then the node exits with the reason.</summary>
    public static readonly TimeSpan ReachWait = TimeSpan.FromSeconds(60);

    /// <summary>For another node to create the tables; a holder that hangs longer must not hold this node forever.</summary>
    public static readonly TimeSpan LockWait = TimeSpan.FromSeconds(90);

    /// <summary>The most a node holds the lock: its warm-up gives up on slow read-only probes after 15 s, and joins after 20 s.</summary>
    public static readonly TimeSpan HoldCap = TimeSpan.FromSeconds(60);
}
