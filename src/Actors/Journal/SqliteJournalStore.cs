namespace LoomExchange.Actors.Journal;

/// <summary>The books' SQLite journal file (decision 20): its table is created when the store is.</summary>
internal sealed class SqliteJournalStore : IJournalStore
{
    private readonly string _connectionString;

    public SqliteJournalStore(string connectionString)
    {
        _connectionString = connectionString;
        JournalSchema.Create(connectionString);
    }

    public IJournalConnection Open() => new SqliteJournalConnection(_connectionString);
}
