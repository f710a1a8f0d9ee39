using System.Data.Common;
using System.Threading.Channels;

namespace LoomExchange.Actors.Journal;

/// <summary>
/// The single writer of one book journal, with group commit across entities: every write queued while a commit is in
/// progress goes into the next single transaction, whichever book it comes from.
/// </summary>
/// <remarks>
/// Each durable commit costs an fsync (SQLite) or a WAL flush and a round trip (PostgreSQL), so one commit per book
/// write capped the system at that many writes per second, and at low load each book's write queued behind the
/// others'. Here all books' writes of a round share one commit, and each write hears of its outcome only after that
/// commit, so "acknowledged means durable" holds. One writer per database and actor system: for SQLite shared by the
/// Akka.Persistence plugin (<see cref="GroupCommitSqliteJournal"/>) and the books' direct path, for PostgreSQL used by
/// the books' direct path alone (<see cref="BookJournalWriters"/>). Rounds run one at a time, so a book's writes commit
/// in the order it queued them.
/// </remarks>
internal sealed class GroupCommitWriter : IDisposable
{
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(10);

    private readonly IJournalStore _store;
    private readonly Channel<JournalWrite> _writes = Channel.CreateUnbounded<JournalWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;

    // Writers (one per book incarnation) whose write failed: their later writes, queued before they heard, fail too.
    private readonly FailedWriters _failed = new();

    public GroupCommitWriter(string sqliteConnectionString)
        : this(new SqliteJournalStore(sqliteConnectionString))
    {
    }

    public GroupCommitWriter(IJournalStore store)
    {
        _store = store;
        _loop = Task.Factory.StartNew(WriteLoopAsync, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
    }

    /// <summary>Queues a write for the next commit round; false once the writer is shutting down (nothing was queued).</summary>
    public bool TryEnqueue(JournalWrite write) => _writes.Writer.TryWrite(write);

    /// <summary>Commits what is queued, then stops (at most 10 s).</summary>
    public void Dispose()
    {
        _writes.Writer.TryComplete();
        _loop.Wait(DrainTimeout);
    }

    /// <summary>Takes every write queued so far, commits them as one transaction, tells each its outcome.</summary>
    private async Task WriteLoopAsync()
    {
        var group = new List<JournalWrite>();
        var refused = new List<(JournalWrite Write, Exception Cause)>();
        IJournalConnection? connection = null;
        try
        {
            while (await _writes.Reader.WaitToReadAsync().ConfigureAwait(false))
            {
                group.Clear();
                while (_writes.Reader.TryRead(out var write))
                {
                    if (_failed.Refuses(write, out var refusal))
                    {
                        // A row after a failed one of the same writer would leave a gap in its sequence: never journal it.
                        write.Failed(refusal);
                        continue;
                    }

                    group.Add(write);
                }

                if (group.Count == 0)
                {
                    continue;
                }

                refused.Clear();
                try
                {
                    connection ??= _store.Open();
                    connection.Commit(group, refused);
                }
                catch (Exception failure) when (failure is DbException or IOException or TimeoutException or InvalidOperationException)
                {
                    // The whole round failed: every writer in it hears so and none of them was acknowledged. The next round
                    // opens a new connection (a PostgreSQL server may have restarted meanwhile).
                    foreach (var write in group)
                    {
                        _failed.Add(write, failure);
                        write.Failed(failure);
                    }

                    connection?.Dispose();
                    connection = null;
                    continue;
                }

                foreach (var (write, cause) in refused)
                {
                    _failed.Add(write, cause);
                    write.Failed(cause);
                }

                foreach (var write in group)
                {
                    if (!IsRefused(write, refused))
                    {
                        write.Committed();
                    }
                }

                try
                {
                    connection.AfterRound();
                }
                catch (Exception failure) when (failure is DbException or IOException or InvalidOperationException)
                {
                    // Every write of the round has its answer already; a connection that cannot keep itself up is
                    // replaced before the next round, as after a failed one.
                    connection.Dispose();
                    connection = null;
                }
            }
        }
        finally
        {
            connection?.Dispose();
        }
    }

    private static bool IsRefused(JournalWrite write, List<(JournalWrite Write, Exception Cause)> refused)
    {
        foreach (var (other, _) in refused)
        {
            if (ReferenceEquals(other, write))
            {
                return true;
            }
        }

        return false;
    }
}
