using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace LoomExchange.Actors.Journal;

/// <summary>
/// The single writer of one SQLite book journal, with group commit across entities: every write queued while a commit
/// is in progress goes into the next single transaction, whichever book it comes from.
/// </summary>
/// <remarks>
/// SQLite has one writer per file and each durable commit costs an fsync, so one commit per book write capped the
/// system at that many writes per second, and at low load each book's write queued behind the others'. Here all books'
/// writes of a round share one commit, and each write hears of its outcome only after that commit (synchronous = FULL),
/// so "acknowledged means durable" holds. One writer per database file and actor system, shared by the Akka.Persistence
/// plugin (<see cref="GroupCommitSqliteJournal"/>) and the books' direct path (<see cref="BookJournalWriters"/>).
/// </remarks>
internal sealed class GroupCommitWriter : IDisposable
{
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(10);

    private readonly string _connectionString;
    private readonly Channel<JournalWrite> _writes = Channel.CreateUnbounded<JournalWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;

    // Writers (one per book incarnation) whose write failed: their later writes, queued before they heard, fail too.
    private readonly FailedWriters _failed = new();

    public GroupCommitWriter(string connectionString)
    {
        _connectionString = connectionString;
        JournalSchema.Create(connectionString);
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
        using var connection = JournalSchema.Open(_connectionString);
        using var checkpoints = new WalCheckpointer(_connectionString, connection);
        using var statements = new JournalInsertStatements(connection);
        var group = new List<JournalWrite>();
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

            if (TryCommit(statements, group) is { } failure)
            {
                // The whole round failed: every writer in it hears so and none of them was acknowledged.
                foreach (var write in group)
                {
                    _failed.Add(write, failure);
                    write.Failed(failure);
                }

                continue;
            }

            foreach (var write in group)
            {
                write.Committed();
            }
        }
    }

    private static SqliteException? TryCommit(JournalInsertStatements statements, List<JournalWrite> group)
    {
        try
        {
            statements.Begin();
            foreach (var write in group)
            {
                foreach (var row in write.Rows)
                {
                    statements.Insert(row);
                }
            }

            statements.Commit();
            return null;
        }
        catch (SqliteException e)
        {
            statements.Rollback();
            return e;
        }
    }
}
