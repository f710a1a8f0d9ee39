using Npgsql;

namespace LoomExchange.Node.Hosting;

/// <summary>
/// Lets one node at a time create the journal's tables when several start together on an empty PostgreSQL database.
/// </summary>
/// <remarks>
/// Akka.Persistence.Sql creates its tables when its plugins start, with CREATE TABLE IF NOT EXISTS, which PostgreSQL does
/// not make safe against a concurrent create of the same table (the loser fails on a catalog unique index); and
/// SqlWriteJournal stops itself for good when its table initialization fails, so that node never became ready. A node that
/// finds a table missing takes a session advisory lock before its actor system starts and holds it until its persistence
/// warm-up has started the journal and snapshot store (the tables exist then); the next node to get the lock finds them and
/// lets it go at once. A node that finds every table takes no lock: restarts of a running cluster never wait on each other.
/// The lock belongs to the holder's connection, so a holder that dies releases it.
/// </remarks>
public sealed class PostgresSchemaGate : IAsyncDisposable
{
    /// <summary>The tables Akka.Persistence.Sql creates with its default table mapping.</summary>
    internal static readonly string[] Tables = ["journal", "snapshot", "tags"];

    /// <summary>An application-wide key for <c>pg_advisory_lock</c>: "LOOMSCHM" in ASCII.</summary>
    private const long LockKey = 0x4C4F_4F4D_5343_484D;

    private static readonly TimeSpan LockRetryInterval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan ConnectRetryInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(5);

    private NpgsqlConnection? _holder;

    private PostgresSchemaGate(NpgsqlConnection? holder) => _holder = holder;

    /// <summary>True while this node holds the lock, i.e. its own plugins are to create the tables.</summary>
    public bool IsHolding => Volatile.Read(ref _holder) is not null;

    /// <summary>
    /// Returns at once when every table exists; otherwise waits for the lock (at most <paramref name="lockWait"/>, then goes
    /// on without it) and holds it if the tables are still missing. Waits for the database to answer at most
    /// <paramref name="reachWait"/>: starting the plugins against an unreachable database would stop the journal for good.
    /// </summary>
    public static async Task<PostgresSchemaGate> EnterAsync(string connectionString, TimeSpan reachWait, TimeSpan lockWait, ILogger log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(log);
        var connection = await OpenAsync(connectionString, reachWait, log, cancellationToken).ConfigureAwait(false);
        var holding = false;
        try
        {
            holding = await MustHoldAsync(connection, lockWait, log, cancellationToken).ConfigureAwait(false);
            return new PostgresSchemaGate(holding ? connection : null);
        }
        finally
        {
            if (!holding)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>True when this session got the lock and the tables are still missing: this node is to create them.</summary>
    private static async Task<bool> MustHoldAsync(NpgsqlConnection connection, TimeSpan lockWait, ILogger log, CancellationToken cancellationToken)
    {
        var missing = await MissingTablesAsync(connection, cancellationToken).ConfigureAwait(false);
        if (missing.Count == 0)
        {
            return false;
        }

        log.LogInformation("journal tables missing ({Tables}): taking the schema lock so that one node at a time creates them", string.Join(", ", missing));
        var started = DateTime.UtcNow;
        var lastProgress = started;
        while (!await TryLockAsync(connection, cancellationToken).ConfigureAwait(false))
        {
            var now = DateTime.UtcNow;
            if (now - started >= lockWait)
            {
                log.LogWarning("the schema lock is still held by another node after {Seconds:0} s; starting without it", lockWait.TotalSeconds);
                return false;
            }

            if (now - lastProgress >= ProgressInterval)
            {
                log.LogInformation("waiting for another node to create the journal tables ({Seconds:0} s so far)", (now - started).TotalSeconds);
                lastProgress = now;
            }

            await Task.Delay(LockRetryInterval, cancellationToken).ConfigureAwait(false);
        }

        if ((await MissingTablesAsync(connection, cancellationToken).ConfigureAwait(false)).Count == 0)
        {
            log.LogInformation("another node created the journal tables; going on without the schema lock");
            return false;
        }

        log.LogInformation("holding the schema lock: this node creates the journal tables");
        return true;
    }

    /// <summary>Releases the lock once <paramref name="tablesCreated"/> completes (the warm-up), or after <paramref name="cap"/> at most.</summary>
    public async Task ReleaseWhenAsync(Task tablesCreated, TimeSpan cap, ILogger log)
    {
        ArgumentNullException.ThrowIfNull(tablesCreated);
        if (_holder is null)
        {
            return;
        }

        var held = DateTime.UtcNow;
        var done = await Task.WhenAny(tablesCreated, Task.Delay(cap)).ConfigureAwait(false);
        if (done != tablesCreated)
        {
            log.LogWarning("the persistence warm-up did not finish within {Seconds:0} s; releasing the schema lock anyway", cap.TotalSeconds);
        }
        else
        {
            log.LogInformation("journal tables created; schema lock released after {Milliseconds:0} ms", (DateTime.UtcNow - held).TotalMilliseconds);
        }

        await DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Closing the session releases its advisory lock.</summary>
    public async ValueTask DisposeAsync()
    {
        // Released by the warm-up and by the host's stop, whichever comes first.
        if (Interlocked.Exchange(ref _holder, null) is { } holder)
        {
            await holder.DisposeAsync().ConfigureAwait(false);
        }
    }

    internal static async Task<List<string>> MissingTablesAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT name FROM unnest(@names) AS name WHERE to_regclass(name) IS NULL", connection);
        command.Parameters.AddWithValue("names", Tables);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var missing = new List<string>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            missing.Add(reader.GetString(0));
        }

        return missing;
    }

    private static async Task<bool> TryLockAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection);
        command.Parameters.AddWithValue("key", LockKey);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    private static async Task<NpgsqlConnection> OpenAsync(string connectionString, TimeSpan reachWait, ILogger log, CancellationToken cancellationToken)
    {
        // Not pooled: this session holds the lock, and returning it to a pool would keep the lock alive.
        var unpooled = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ToString();
        var started = DateTime.UtcNow;
        var lastProgress = started;
        while (true)
        {
            var connection = new NpgsqlConnection(unpooled);
            try
            {
                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                return connection;
            }
            catch (NpgsqlException e) when (e.IsTransient)
            {
                // Refused or timed out: the database may be starting. A wrong password or database name is not retried.
                await connection.DisposeAsync().ConfigureAwait(false);
                var now = DateTime.UtcNow;
                if (now - started >= reachWait)
                {
                    throw new InvalidOperationException($"the PostgreSQL journal did not answer within {reachWait.TotalSeconds:0} s: {e.Message}", e);
                }

                if (now - lastProgress >= ProgressInterval)
                {
                    log.LogWarning("waiting for the PostgreSQL journal to answer ({Seconds:0} s so far): {Reason}", (now - started).TotalSeconds, e.Message);
                    lastProgress = now;
                }

                await Task.Delay(ConnectRetryInterval, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
