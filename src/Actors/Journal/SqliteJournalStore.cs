namespace LoomExchange.Actors.Journal;

/// <summary>The books' SQLite journal file (decision 20): its table is created when the store is.</summary>
internal sealed class SqliteJournalStore : IJournalStore
{
    private readonly string _connectionString;
    private readonly TimeSpan? _checkpointInterval;
    private readonly int _walRestartAfterFrames;

    /// <param name="checkpointInterval">Between background WAL checkpoints (default 200 ms).</param>
    /// <param name="walRestartAfterFrames">WAL length in frames after which the WAL is written from its start again.</param>
    public SqliteJournalStore(string connectionString, TimeSpan? checkpointInterval = null, int walRestartAfterFrames = WalCheckpointer.DefaultRestartAfterFrames)
    {
        _connectionString = connectionString;
        _checkpointInterval = checkpointInterval;
        _walRestartAfterFrames = walRestartAfterFrames;
        JournalSchema.Create(connectionString);
    }

    public IJournalConnection Open() => new SqliteJournalConnection(_connectionString, _checkpointInterval, _walRestartAfterFrames);
}
