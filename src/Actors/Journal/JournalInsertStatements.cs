using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace LoomExchange.Actors.Journal;

/// <summary>
/// The writer's transaction and insert, as statements prepared once on the connection's native handle. Through
/// Microsoft.Data.Sqlite each insert allocated a parameter binder per parameter, a data reader and statement
/// enumerators: a fifth of all allocation at 10,000 orders/s. Strings are bound from cached UTF-8 bytes.
/// </summary>
internal sealed class JournalInsertStatements : IDisposable
{
    // Persistence ids, manifests and writer ids repeat; bounded so that writer ids of restarted books cannot grow it forever.
    private const int MaxCachedStrings = 4_096;

    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _begin;
    private readonly sqlite3_stmt _commit;
    private readonly sqlite3_stmt _rollback;
    private readonly sqlite3_stmt _insert;
    private readonly Dictionary<string, byte[]> _utf8 = new(StringComparer.Ordinal);

    public JournalInsertStatements(SqliteConnection connection)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("the journal connection is not open");
        _begin = Prepare("BEGIN");
        _commit = Prepare("COMMIT");
        _rollback = Prepare("ROLLBACK");
        _insert = Prepare("""
            INSERT INTO book_journal(persistence_id, sequence_nr, manifest, serializer_id, writer_uuid, timestamp, payload)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
            """);
    }

    public void Begin() => Run(_begin);

    public void Commit() => Run(_commit);

    /// <summary>Undoes a failed round; a rollback that fails itself (no transaction left) changes nothing.</summary>
    public void Rollback()
    {
        raw.sqlite3_step(_rollback);
        raw.sqlite3_reset(_rollback);
    }

    public void Insert(JournalRow row)
    {
        Check(raw.sqlite3_bind_text(_insert, 1, Utf8(row.PersistenceId)));
        Check(raw.sqlite3_bind_int64(_insert, 2, row.SequenceNr));
        Check(raw.sqlite3_bind_text(_insert, 3, Utf8(row.Manifest)));
        Check(raw.sqlite3_bind_int64(_insert, 4, row.SerializerId));
        Check(raw.sqlite3_bind_text(_insert, 5, Utf8(row.WriterUuid)));
        Check(raw.sqlite3_bind_int64(_insert, 6, row.Timestamp));
        Check(raw.sqlite3_bind_blob(_insert, 7, row.Payload));
        Run(_insert);
    }

    public void Dispose()
    {
        _insert.Dispose();
        _rollback.Dispose();
        _commit.Dispose();
        _begin.Dispose();
    }

    private sqlite3_stmt Prepare(string sql)
    {
        Check(raw.sqlite3_prepare_v2(_db, sql, out var statement));
        return statement;
    }

    /// <summary>Steps a statement that returns no rows and makes it ready for the next use, whatever happened.</summary>
    private void Run(sqlite3_stmt statement)
    {
        var rc = raw.sqlite3_step(statement);
        raw.sqlite3_reset(statement);
        if (rc != raw.SQLITE_DONE)
        {
            throw Error(rc);
        }
    }

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            throw Error(rc);
        }
    }

    private SqliteException Error(int rc) => new($"SQLite Error {rc}: '{raw.sqlite3_errmsg(_db).utf8_to_string()}'.", rc, raw.sqlite3_extended_errcode(_db));

    private byte[] Utf8(string value)
    {
        if (!_utf8.TryGetValue(value, out var bytes))
        {
            if (_utf8.Count >= MaxCachedStrings)
            {
                _utf8.Clear();
            }

            bytes = Encoding.UTF8.GetBytes(value);
            _utf8[value] = bytes;
        }

        return bytes;
    }
}
