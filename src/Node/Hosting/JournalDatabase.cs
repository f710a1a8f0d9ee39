using System.Data.Common;
using LoomExchange.Messages.Configuration;
using LoomExchange.Node.Configuration;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace LoomExchange.Node.Hosting;

/// <summary>The journal's database as configured: provider, connection string, and what it needs before Akka starts.</summary>
public sealed class JournalDatabase
{
    private JournalDatabase(string provider, string connectionString, string linqToDbProvider, string? bookJournalConnectionString = null)
    {
        Provider = provider;
        ConnectionString = connectionString;
        LinqToDbProvider = linqToDbProvider;
        BookJournalConnectionString = bookJournalConnectionString;
    }

    /// <summary>SQLite only: the order books' group-commit journal, a file of its own beside the main one (one writer per file).</summary>
    public string? BookJournalConnectionString { get; }

    /// <summary><c>sqlite</c> or <c>postgres</c>.</summary>
    public string Provider { get; }

    public string ConnectionString { get; }

    /// <summary>The provider name Akka.Persistence.Sql (linq2db) expects.</summary>
    public string LinqToDbProvider { get; }

    public bool IsSqlite => Provider == "sqlite";

    public static JournalDatabase From(LoomOptions options)
    {
        var provider = options.Persistence.Provider.Trim().ToLowerInvariant();
        switch (provider)
        {
            case "sqlite":
                var dataDir = Path.GetFullPath(options.DataDir);
                var connection = options.Persistence.ConnectionString
                    ?? new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataDir, "loom.db"), Pooling = true }.ToString();
                var mainFile = new SqliteConnectionStringBuilder(connection).DataSource;
                var books = new SqliteConnectionStringBuilder
                {
                    DataSource = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(mainFile)) ?? dataDir, "books.db"),
                    Pooling = true,
                }.ToString();
                return new JournalDatabase(provider, connection, "SQLite.MS", books);
            case "postgres":
                if (string.IsNullOrWhiteSpace(options.Persistence.ConnectionString))
                {
                    throw new InvalidConfigurationException("Loom:Persistence:Provider is postgres but Loom:Persistence:ConnectionString is empty; set it (e.g. Host=127.0.0.1;Port=5432;Database=loom;Username=loom;Password=...)");
                }

                return new JournalDatabase(provider, options.Persistence.ConnectionString, "PostgreSQL.15");
            default:
                throw new InvalidConfigurationException($"Loom:Persistence:Provider '{options.Persistence.Provider}' is not supported; use sqlite or postgres");
        }
    }

    /// <summary>
    /// SQLite: creates the data directory and switches the file to WAL (a property of the file, so once is
    /// enough; there is no connection-string keyword for it). Synchronous stays FULL: every commit is fsynced.
    /// </summary>
    public void Prepare()
    {
        if (!IsSqlite)
        {
            return;
        }

        var builder = new SqliteConnectionStringBuilder(ConnectionString);
        var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        using var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;";
        command.ExecuteNonQuery();
    }

    /// <summary>Opens a connection and runs <c>SELECT 1</c>: the readiness probe's "journal reachable".</summary>
    public async Task<bool> IsReachableAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using DbConnection connection = IsSqlite ? new SqliteConnection(ConnectionString) : new NpgsqlConnection(ConnectionString);
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DbException)
        {
            return false;
        }
    }

    /// <summary>The connection string without its password, for logs.</summary>
    public string Describe() => IsSqlite
        ? $"sqlite {new SqliteConnectionStringBuilder(ConnectionString).DataSource}"
        : $"postgres {new NpgsqlConnectionStringBuilder(ConnectionString) { Password = null }}";
}
