using System.Collections.Concurrent;
using System.Diagnostics;
using LoomExchange.Client;

namespace LoomExchange.Cli.Bench;

/// <summary>
/// Logs on N sessions (a bounded number at a time), holds them with heartbeats for the duration and counts who stayed
/// up. Nothing is raised or retried: a drop or a failed logon is reported with its reason, e.g. the open-file limit.
/// </summary>
internal sealed class SessionsBenchRunner(SessionsBenchSettings settings, TextWriter output, TextWriter progress)
{
    private readonly ConcurrentDictionary<string, int> _errors = new(StringComparer.Ordinal);
    private int _dropped;

    public async Task<SessionsBenchResult> RunAsync(CancellationToken cancellationToken)
    {
        var endpoint = LoomEndpoint.Parse(settings.Endpoint);
        await WarnAboutFileLimitAsync().ConfigureAwait(false);
        await output.WriteLineAsync($"bench-sessions: {endpoint}, {settings.Sessions} sessions, heartbeat {settings.Heartbeat.TotalSeconds:0.###} s, hold {settings.Duration.TotalSeconds:0} s").ConfigureAwait(false);

        var clients = new LoomClient?[settings.Sessions];
        var logonMs = new double[settings.Sessions];
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reporting = ReportProgressAsync(clients, stop.Token);
        try
        {
            using var gate = new SemaphoreSlim(settings.ConnectConcurrency);
            await Task.WhenAll(Enumerable.Range(0, settings.Sessions).Select(async i =>
            {
                await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    var started = Stopwatch.GetTimestamp();
                    clients[i] = await LoomClient.ConnectAsync(Options(endpoint, i), cancellationToken).ConfigureAwait(false);
                    logonMs[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                }
                catch (Exception error) when (error is LoomConnectionException or LoomLogonRejectedException or LoomProtocolException)
                {
                    Count(error);
                }
                finally
                {
                    gate.Release();
                }
            })).ConfigureAwait(false);

            var loggedOn = clients.Count(c => c is not null);
            var holding = Stopwatch.GetTimestamp();
            await Task.Delay(settings.Duration, cancellationToken).ConfigureAwait(false);
            var held = clients.Count(c => c?.State == ConnectionState.Connected);
            var logons = logonMs.Where((_, i) => clients[i] is not null).Order().ToArray();
            return new SessionsBenchResult
            {
                Transport = endpoint.Kind == TransportKind.Tcp ? "tcp" : "ws",
                Sessions = settings.Sessions,
                LoggedOn = loggedOn,
                Held = held,
                Dropped = Volatile.Read(ref _dropped),
                Failed = settings.Sessions - loggedOn,
                HeldSeconds = Stopwatch.GetElapsedTime(holding).TotalSeconds,
                LogonP50Ms = Percentile(logons, 0.50),
                LogonP99Ms = Percentile(logons, 0.99),
                Errors = new SortedDictionary<string, int>(_errors, StringComparer.Ordinal),
            };
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await reporting.ConfigureAwait(false);
            await CloseAllAsync(clients).ConfigureAwait(false);
        }
    }

    private LoomClientOptions Options(LoomEndpoint endpoint, int index)
    {
        var (key, secret) = settings.Credentials ?? ($"demo-{(index % 4) + 1}", $"demo-secret-{(index % 4) + 1}");
        return new LoomClientOptions
        {
            Endpoint = endpoint.ToString(),
            ApiKey = key,
            Secret = secret,
            HeartbeatInterval = settings.Heartbeat,
            Reconnect = ReconnectPolicy.None,
            OnStateChanged = change =>
            {
                if (change.State == ConnectionState.Reconnecting || (change.State == ConnectionState.Closed && change.Cause is not null))
                {
                    Interlocked.Increment(ref _dropped);
                    Count(change.Cause!);
                }
            },
        };
    }

    private void Count(Exception error) => _errors.AddOrUpdate($"{error.GetType().Name}: {error.Message}", 1, (_, n) => n + 1);

    private async Task ReportProgressAsync(LoomClient?[] clients, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        var started = Stopwatch.GetTimestamp();
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                var up = clients.Count(c => c?.State == ConnectionState.Connected);
                await progress.WriteLineAsync($"[{Stopwatch.GetElapsedTime(started).TotalSeconds,4:0}s] up {up} dropped {Volatile.Read(ref _dropped)} failed logons {_errors.Values.Sum() - Volatile.Read(ref _dropped)}").ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // The run ended.
        }
    }

    private async Task WarnAboutFileLimitAsync()
    {
        if (OpenFileLimit() is { } limit && limit < settings.Sessions + 64)
        {
            await progress.WriteLineAsync($"warning: the open-file limit is {limit} and {settings.Sessions} sessions need about {settings.Sessions + 64} descriptors; "
                + "sessions beyond it will fail (raise it with ulimit -n; loomctl changes nothing)").ConfigureAwait(false);
        }
    }

    /// <summary>The soft RLIMIT_NOFILE from /proc (Linux); null elsewhere.</summary>
    private static long? OpenFileLimit()
    {
        const string Path = "/proc/self/limits";
        if (!File.Exists(Path))
        {
            return null;
        }

        var line = File.ReadLines(Path).FirstOrDefault(l => l.StartsWith("Max open files", StringComparison.Ordinal));
        var fields = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields is { Length: >= 4 } && long.TryParse(fields[3], out var soft) ? soft : null;
    }

    private static async Task CloseAllAsync(LoomClient?[] clients)
    {
        using var gate = new SemaphoreSlim(256);
        await Task.WhenAll(clients.Where(c => c is not null).Select(async c =>
        {
            await gate.WaitAsync().ConfigureAwait(false);
            try
            {
                await c!.DisposeAsync().ConfigureAwait(false);
            }
            finally
            {
                gate.Release();
            }
        })).ConfigureAwait(false);
    }

    private static double Percentile(double[] sorted, double fraction) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)(fraction * sorted.Length))];
}
