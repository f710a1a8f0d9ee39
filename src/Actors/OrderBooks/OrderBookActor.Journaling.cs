using Akka.Actor;
using Akka.Event;
using Akka.Persistence;
using LoomExchange.Actors.Journal;
using LoomExchange.Actors.OrderBooks.Journal;
using LoomExchange.Actors.Protocol;

namespace LoomExchange.Actors.OrderBooks;

/// <summary>
/// Where the book's writes go. On our SQLite journal, and on PostgreSQL when the node configures it, the book hands its
/// row straight to the node's group-commit writer and hears of the commit as one message (decisions 20 and 23):
/// Akka.Persistence's per-write machinery (journal actor, circuit breaker timer, task continuations, resequencer) cost
/// about as much as the book's own work at low load. Recovery still runs through Akka.Persistence (the plugin reads
/// these rows as its own), and the sequence numbers continue its own. On any other journal (the TestKit's) writes go
/// through <c>PersistAsync</c> as usual.
/// </summary>
public sealed partial class OrderBookActor
{
    private readonly Queue<Action> _directCallbacks = new();
    private readonly string _writerUuid = Guid.NewGuid().ToString("N");
    private GroupCommitWriter? _directWriter;
    private long _directSequenceNr;
    private long _directCommittedSequenceNr;
    private BookSnapshotState? _snapshotAwaitingCommit;
    private long _snapshotAwaitingCommitSequenceNr;

    /// <summary>Journals <paramref name="payload"/> as one row and runs <paramref name="onJournaled"/> once it is durable.</summary>
    private void JournalThenRun<T>(T payload, Action<T> onJournaled)
        where T : notnull
    {
        if (_directWriter is null)
        {
            PersistAsync(payload, onJournaled);
            return;
        }

        JournalRow row;
        try
        {
            row = JournalRow.Of(PersistenceId, _directSequenceNr + 1, payload, Context.System.Serialization, _writerUuid);
        }
        catch (Exception e) when (e is System.Runtime.Serialization.SerializationException or ArgumentException or NotSupportedException)
        {
            // As a rejected PersistAsync: memory would run ahead of the journal, so stop and recover.
            OnDirectWriteFailed(e);
            return;
        }

        if (!_directWriter.TryEnqueue(new ActorJournalWrite(row, Self)))
        {
            OnDirectWriteFailed(new InvalidOperationException("the book journal is shutting down"));
            return;
        }

        _directSequenceNr++;
        _directCallbacks.Enqueue(() => onJournaled(payload));
    }

    /// <summary>
    /// Saves a snapshot of state that holds nothing but the rows queued so far, labelled with the sequence number of the
    /// last of them. With direct writes it goes to the store only once that row is committed, so a snapshot never holds
    /// state the journal could still lose, and the book needs no pause to take it (decision 21).
    /// </summary>
    private void SaveBookSnapshotState(BookSnapshotState state)
    {
        if (_directWriter is null)
        {
            SaveSnapshot(state);
            return;
        }

        if (_directCommittedSequenceNr >= _directSequenceNr)
        {
            SendSnapshot(state, _directSequenceNr);
            return;
        }

        // A later capture replaces an earlier one still waiting: it holds everything the earlier one did.
        _snapshotAwaitingCommit = state;
        _snapshotAwaitingCommitSequenceNr = _directSequenceNr;
    }

    private void SendSnapshot(BookSnapshotState state, long sequenceNr) =>
        // Eventsourced's SaveSnapshot labels it with its own LastSequenceNr, which the direct writes do not advance.
        SnapshotStore.Tell(new SaveSnapshot(new SnapshotMetadata(PersistenceId, sequenceNr, DateTime.UtcNow), state), Self);

    /// <summary>After recovery: continue the journal's sequence numbers, directly when the journal allows it.</summary>
    private void StartJournaling()
    {
        _directWriter = BookJournalWriters.For(Context.System).ForPlugin(JournalPluginId);
        _directSequenceNr = LastSequenceNr;
        _directCommittedSequenceNr = LastSequenceNr;
        _maxBatchWritesInFlight = _directWriter is null ? 1 : Math.Max(1, _settings.MaxWritesInFlight);
    }

    private void OnDirectWriteCommitted()
    {
        // Rows commit in the order they were queued, so the n-th commit is of the n-th row.
        _directCommittedSequenceNr++;
        if (_snapshotAwaitingCommit is not null && _directCommittedSequenceNr >= _snapshotAwaitingCommitSequenceNr)
        {
            SendSnapshot(_snapshotAwaitingCommit, _snapshotAwaitingCommitSequenceNr);
            _snapshotAwaitingCommit = null;
        }

        _directCallbacks.Dequeue()();
    }

    /// <summary>As a failed <c>PersistAsync</c>: nothing of the batch was answered; stop and let recovery rebuild the book.</summary>
    private void OnDirectWriteFailed(Exception cause)
    {
        _log.Error(cause, "{0}: journal write failed; stopping, no reply of the batch was sent", _symbol);
        _directCallbacks.Clear();
        _snapshotAwaitingCommit = null;
        AnswerSnapshotRequests(new BookSnapshotTaken(_symbol, false, 0, 0, $"journal write failed, so the snapshot was not saved: {cause.Message}"));
        Context.Stop(Self);
    }
}
