namespace LoomExchange.Actors.Journal;

/// <summary>
/// Akka.Persistence.Sql's journal table on PostgreSQL, written by the books directly (decision 23). The table is the
/// plugin's own (created by it at start, before any book recovers): rows go in exactly as the plugin writes them, so
/// recovery, queries and the plugin's other users read them as theirs.
/// </summary>
internal sealed class PostgresJournalStore(string connectionString, string tableName) : IJournalStore
{
    public IJournalConnection Open() => new PostgresJournalConnection(connectionString, tableName);
}
