using System.Collections.Immutable;
using Akka.Actor;
using Akka.Configuration;
using Akka.Persistence;
using Akka.Persistence.Journal;
using Microsoft.Data.Sqlite;

namespace LoomExchange.Actors.Journal;

/// <summary>
/// The order books' SQLite journal as an Akka.Persistence plugin: recovery reads, and writes through the shared
/// <see cref="GroupCommitWriter"/> (every book's write of a round in one transaction). The books themselves write
/// through the same writer directly (decision 20); this plugin's write path serves any other persistent actor on it.
/// </summary>
/// <remarks>
/// On PostgreSQL the journal stays Akka.Persistence.Sql's; the books write its table directly through a writer of
/// their own (decision 23).
/// </remarks>
public sealed class GroupCommitSqliteJournal : AsyncWriteJournal
{
    private readonly string _connectionString;
    private readonly Akka.Serialization.Serialization _serialization;
    private readonly GroupCommitWriter _writer;

    public GroupCommitSqliteJournal(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        _connectionString = config.GetString("connection-string")
            ?? throw new ConfigurationException("loom book journal: connection-string is required");
        _serialization = Context.System.Serialization;
        _writer = BookJournalWriters.For(Context.System).For(_connectionString);
    }

    protected override Task<IImmutableList<Exception?>> WriteMessagesAsync(IEnumerable<AtomicWrite> messages, CancellationToken cancellationToken)
    {
        // Serialize on the caller's thread: a payload that cannot be serialized rejects only its own write.
        var rows = new List<JournalRow>();
        var results = ImmutableList.CreateBuilder<Exception?>();
        foreach (var write in messages)
        {
            try
            {
                foreach (var message in (IImmutableList<IPersistentRepresentation>)write.Payload)
                {
                    rows.Add(JournalRow.From(message, _serialization));
                }

                results.Add(null);
            }
            catch (Exception e) when (e is System.Runtime.Serialization.SerializationException or ArgumentException or NotSupportedException)
            {
                results.Add(e);
            }
        }

        var pending = new TaskJournalWrite(rows);
        if (!_writer.TryEnqueue(pending))
        {
            return Task.FromException<IImmutableList<Exception?>>(new InvalidOperationException("the book journal is shutting down"));
        }

        var list = results.ToImmutable();
        return pending.Done.ContinueWith<IImmutableList<Exception?>>(
            done => done.IsFaulted ? throw done.Exception!.GetBaseException() : list,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    protected override async Task DeleteMessagesToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken)
    {
        await using var connection = await JournalSchema.OpenAsync(_connectionString, cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO book_journal_highest(persistence_id, sequence_nr)
              SELECT $pid, MAX(sequence_nr) FROM book_journal WHERE persistence_id = $pid AND sequence_nr <= $to
              ON CONFLICT(persistence_id) DO UPDATE SET sequence_nr = MAX(sequence_nr, excluded.sequence_nr);
            DELETE FROM book_journal WHERE persistence_id = $pid AND sequence_nr <= $to;
            """;
        command.Parameters.AddWithValue("$pid", persistenceId);
        command.Parameters.AddWithValue("$to", toSequenceNr);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public override async Task ReplayMessagesAsync(IActorContext context, string persistenceId, long fromSequenceNr, long toSequenceNr, long max, Action<IPersistentRepresentation> recoveryCallback)
    {
        ArgumentNullException.ThrowIfNull(recoveryCallback);
        await using var connection = await JournalSchema.OpenAsync(_connectionString, CancellationToken.None).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT sequence_nr, manifest, serializer_id, writer_uuid, timestamp, payload FROM book_journal
            WHERE persistence_id = $pid AND sequence_nr BETWEEN $from AND $to ORDER BY sequence_nr LIMIT $max
            """;
        command.Parameters.AddWithValue("$pid", persistenceId);
        command.Parameters.AddWithValue("$from", fromSequenceNr);
        command.Parameters.AddWithValue("$to", toSequenceNr);
        command.Parameters.AddWithValue("$max", max);
        await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        while (await reader.ReadAsync().ConfigureAwait(false))
        {
            var payload = _serialization.Deserialize((byte[])reader.GetValue(5), reader.GetInt32(2), reader.GetString(1));
            recoveryCallback(new Persistent(payload, reader.GetInt64(0), persistenceId, reader.GetString(1), false, ActorRefs.NoSender, reader.GetString(3), reader.GetInt64(4)));
        }
    }

    public override async Task<long> ReadHighestSequenceNrAsync(string persistenceId, long fromSequenceNr, CancellationToken cancellationToken)
    {
        await using var connection = await JournalSchema.OpenAsync(_connectionString, cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT MAX(IFNULL((SELECT MAX(sequence_nr) FROM book_journal WHERE persistence_id = $pid), 0),
                       IFNULL((SELECT sequence_nr FROM book_journal_highest WHERE persistence_id = $pid), 0))
            """;
        command.Parameters.AddWithValue("$pid", persistenceId);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }
}
