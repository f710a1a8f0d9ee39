namespace LoomExchange.Node.Configuration;

/// <summary><c>Loom:Persistence</c>: where the journal and snapshots live.</summary>
public sealed class PersistenceSettings
{
    /// <summary><c>sqlite</c> (default, a file under DataDir) or <c>postgres</c>.</summary>
    public string Provider { get; set; } = "sqlite";

    /// <summary>Required for postgres; for sqlite it defaults to <c>DataDir/loom.db</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Journal writes in flight at once (SQLite allows one writer: keep 1 there).</summary>
    public int? Parallelism { get; set; }

    /// <summary>Journal rows one database round trip may carry.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>
    /// PostgreSQL: books write their rows into the journal table through one group-commit writer per node (decision 23)
    /// instead of through Akka.Persistence.Sql's write path; false goes back to the latter. (SQLite books always do.)
    /// </summary>
    public bool DirectBookWrites { get; set; } = true;
}
