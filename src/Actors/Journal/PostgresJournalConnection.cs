using Npgsql;
using NpgsqlTypes;

namespace LoomExchange.Actors.Journal;

/// <summary>
/// The writer's PostgreSQL connection: a round is one prepared <c>INSERT … SELECT FROM unnest(arrays)</c>, a single
/// statement and so a single transaction and round trip, whatever the number of rows.
/// </summary>
/// <remarks>
/// The table's unique (persistence_id, sequence_number) is the fence between two incarnations of a book during a
/// failover race: the one that writes a sequence number second must stop. A single statement is atomic, so one taken
/// key would fail every book's write of the round; instead the round finds which writes hold a taken key, refuses those
/// alone and inserts the others (a second statement, only in that rare case).
/// </remarks>
internal sealed class PostgresJournalConnection : IJournalConnection
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlCommand _insert;
    private readonly NpgsqlCommand _taken;
    private readonly ColumnArrays _columns = new();

    public PostgresJournalConnection(string connectionString, string tableName)
    {
        _connection = new NpgsqlConnection(connectionString);
        _connection.Open();
        var table = QuotedName(tableName);
        _insert = new NpgsqlCommand(
            $"""
            INSERT INTO {table} (created, deleted, persistence_id, sequence_number, message, manifest, identifier, writer_uuid)
            SELECT created, false, persistence_id, sequence_number, message, manifest, identifier, writer_uuid
            FROM unnest(@created, @persistence_id, @sequence_number, @message, @manifest, @identifier, @writer_uuid)
              AS r(created, persistence_id, sequence_number, message, manifest, identifier, writer_uuid)
            """,
            _connection);
        _insert.Parameters.Add(new NpgsqlParameter("created", NpgsqlDbType.Array | NpgsqlDbType.Bigint));
        _insert.Parameters.Add(new NpgsqlParameter("persistence_id", NpgsqlDbType.Array | NpgsqlDbType.Text));
        _insert.Parameters.Add(new NpgsqlParameter("sequence_number", NpgsqlDbType.Array | NpgsqlDbType.Bigint));
        _insert.Parameters.Add(new NpgsqlParameter("message", NpgsqlDbType.Array | NpgsqlDbType.Bytea));
        _insert.Parameters.Add(new NpgsqlParameter("manifest", NpgsqlDbType.Array | NpgsqlDbType.Text));
        _insert.Parameters.Add(new NpgsqlParameter("identifier", NpgsqlDbType.Array | NpgsqlDbType.Integer));
        _insert.Parameters.Add(new NpgsqlParameter("writer_uuid", NpgsqlDbType.Array | NpgsqlDbType.Text));
        _insert.Prepare();

        _taken = new NpgsqlCommand(
            $"""
            SELECT j.persistence_id, j.sequence_number FROM {table} j
            JOIN unnest(@persistence_id, @sequence_number) AS k(persistence_id, sequence_number)
              ON j.persistence_id = k.persistence_id AND j.sequence_number = k.sequence_number
            """,
            _connection);
        _taken.Parameters.Add(new NpgsqlParameter("persistence_id", NpgsqlDbType.Array | NpgsqlDbType.Text));
        _taken.Parameters.Add(new NpgsqlParameter("sequence_number", NpgsqlDbType.Array | NpgsqlDbType.Bigint));
    }

    public void Commit(List<JournalWrite> group, List<(JournalWrite Write, Exception Cause)> refused)
    {
        try
        {
            Insert(group);
        }
        catch (PostgresException conflict) when (conflict.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            // Nothing of the statement was inserted. Refuse the writes whose keys another incarnation holds; the rest go in.
            var taken = TakenKeys(group);
            var others = new List<JournalWrite>(group.Count);
            foreach (var write in group)
            {
                if (HoldsTakenKey(write, taken, out var key))
                {
                    refused.Add((write, new InvalidOperationException(
                        $"{key.PersistenceId} sequence number {key.SequenceNr} is already journaled by another writer; this incarnation stops", conflict)));
                }
                else
                {
                    others.Add(write);
                }
            }

            if (refused.Count == 0)
            {
                // A key repeated within the round itself, not one in the table: fail the round as a whole.
                throw;
            }

            if (others.Count > 0)
            {
                Insert(others);
            }
        }
    }

    public void AfterRound()
    {
        // The server checkpoints its own WAL.
    }

    public void Dispose()
    {
        _insert.Dispose();
        _taken.Dispose();
        _connection.Dispose();
    }

    private static bool HoldsTakenKey(JournalWrite write, HashSet<(string PersistenceId, long SequenceNr)> taken, out (string PersistenceId, long SequenceNr) key)
    {
        foreach (var row in write.Rows)
        {
            key = (row.PersistenceId, row.SequenceNr);
            if (taken.Contains(key))
            {
                return true;
            }
        }

        key = default;
        return false;
    }

    private static string QuotedName(string name) =>
        string.Join('.', name.Split('.').Select(part => "\"" + part.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));

    private void Insert(List<JournalWrite> writes)
    {
        _columns.Fill(writes);
        _insert.Parameters[0].Value = _columns.Created;
        _insert.Parameters[1].Value = _columns.PersistenceIds;
        _insert.Parameters[2].Value = _columns.SequenceNrs;
        _insert.Parameters[3].Value = _columns.Messages;
        _insert.Parameters[4].Value = _columns.Manifests;
        _insert.Parameters[5].Value = _columns.Identifiers;
        _insert.Parameters[6].Value = _columns.WriterUuids;
        _insert.ExecuteNonQuery();
    }

    private HashSet<(string PersistenceId, long SequenceNr)> TakenKeys(List<JournalWrite> writes)
    {
        _columns.Fill(writes);
        _taken.Parameters[0].Value = _columns.PersistenceIds;
        _taken.Parameters[1].Value = _columns.SequenceNrs;
        var taken = new HashSet<(string, long)>();
        using var reader = _taken.ExecuteReader();
        while (reader.Read())
        {
            taken.Add((reader.GetString(0), reader.GetInt64(1)));
        }

        return taken;
    }

    /// <summary>The rows of a round as one array per column, the shape <c>unnest</c> takes.</summary>
    /// <summary>
    /// The round's rows as one list per column, the parameters of <c>unnest</c>. The lists are kept and refilled each
    /// round: new arrays cost seven allocations a round, and their length changes every round.
    /// </summary>
    private sealed class ColumnArrays
    {
        public List<long> Created { get; } = [];

        public List<string> PersistenceIds { get; } = [];

        public List<long> SequenceNrs { get; } = [];

        public List<byte[]> Messages { get; } = [];

        public List<string> Manifests { get; } = [];

        public List<int> Identifiers { get; } = [];

        public List<string> WriterUuids { get; } = [];

        public void Fill(List<JournalWrite> writes)
        {
            Created.Clear();
            PersistenceIds.Clear();
            SequenceNrs.Clear();
            Messages.Clear();
            Manifests.Clear();
            Identifiers.Clear();
            WriterUuids.Clear();
            foreach (var write in writes)
            {
                foreach (var row in write.Rows)
                {
                    Created.Add(row.Timestamp);
                    PersistenceIds.Add(row.PersistenceId);
                    SequenceNrs.Add(row.SequenceNr);
                    Messages.Add(row.Payload);
                    Manifests.Add(row.Manifest);
                    Identifiers.Add(row.SerializerId);
                    WriterUuids.Add(row.WriterUuid);
                }
            }
        }
    }
}
