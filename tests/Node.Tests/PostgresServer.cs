using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace LoomExchange.Node.Tests;

/// <summary>
/// A throwaway PostgreSQL 15 server for one test class: initdb into a temp dir, started on a free loopback
/// port (as the postgres user when the tests run as root, since PostgreSQL refuses to run as root), stopped
/// and deleted on dispose.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private const string BinDirectory = "/usr/lib/postgresql/15/bin";
    private readonly string _directory = Directory.CreateTempSubdirectory("loom-pg-").FullName;
    private int _port;

    public string ConnectionString => $"Host=127.0.0.1;Port={_port};Database=loom;Username=postgres;Pooling=true";

    public async Task InitializeAsync()
    {
        if (!File.Exists(Path.Combine(BinDirectory, "initdb")))
        {
            throw new InvalidOperationException($"PostgreSQL 15 binaries are missing from {BinDirectory}: apt-get install postgresql-15");
        }

        _port = FreePort();
        if (Environment.UserName == "root")
        {
            await RunAsync("chown", "postgres", _directory).ConfigureAwait(false);
        }

        var data = Path.Combine(_directory, "data");
        await RunPostgresAsync("initdb", "-D", data, "-U", "postgres", "-A", "trust", "--no-sync").ConfigureAwait(false);
        await RunPostgresAsync(
            "pg_ctl", "-D", data, "-l", Path.Combine(_directory, "log"), "-w", "-o",
            $"-c listen_addresses=127.0.0.1 -c port={_port} -c unix_socket_directories={_directory} -c fsync=on", "start").ConfigureAwait(false);
        await RunPostgresAsync("psql", "-h", "127.0.0.1", "-p", _port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", "postgres", "-qc", "CREATE DATABASE loom").ConfigureAwait(false);
    }

    /// <summary>Creates an empty database on this server and returns its connection string (for specs that need no tables yet).</summary>
    public async Task<string> CreateDatabaseAsync(string name)
    {
        await RunPostgresAsync("psql", "-h", "127.0.0.1", "-p", _port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", "postgres", "-qc", $"CREATE DATABASE {name}").ConfigureAwait(false);
        return $"Host=127.0.0.1;Port={_port};Database={name};Username=postgres;Pooling=true";
    }

    public async Task DisposeAsync()
    {
        try
        {
            await RunPostgresAsync("pg_ctl", "-D", Path.Combine(_directory, "data"), "-m", "immediate", "stop").ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            // Not started: nothing to stop.
        }

        Directory.Delete(_directory, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Task RunPostgresAsync(string tool, params string[] arguments) =>
        Environment.UserName == "root"
            ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(BinDirectory, tool), .. arguments])
            : RunAsync(Path.Combine(BinDirectory, tool), arguments);

    private static async Task RunAsync(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {file}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await output.ConfigureAwait(false)} {await error.ConfigureAwait(false)}");
        }
    }
}
