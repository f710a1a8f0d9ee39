using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace LoomExchange.Benchmarks.Chaos;

/// <summary>
/// One <c>dotnet X.dll</c> child of the chaos run, its output appended to a log file. Killed with SIGKILL (no shutdown
/// hook runs: a crash), and always killed when disposed so that no process outlives the run.
/// </summary>
internal sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly Action<string>? _onLine;

    private ChildProcess(Process process, StreamWriter log, Action<string>? onLine)
    {
        _process = process;
        _log = log;
        _onLine = onLine;
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public static ChildProcess Start(string dll, IEnumerable<string> arguments, string logFile, IReadOnlyDictionary<string, string>? environment = null, Action<string>? onLine = null)
    {
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            // The node reads appsettings.json from its working directory.
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        var log = new StreamWriter(logFile, append: true) { AutoFlush = true };
        log.WriteLine($"# {DateTime.UtcNow:O} dotnet {string.Join(' ', info.ArgumentList)}");
        var process = new Process { StartInfo = info };
        var child = new ChildProcess(process, log, onLine);
        process.OutputDataReceived += (_, e) => child.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => child.Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    private static readonly HashSet<int> Handed = [];

    /// <summary>
    /// A loopback port nobody listens on now (bind port 0, read it, release it), and never one handed out before in this
    /// run: the OS gives a released port out again, and two nodes given the same one would collide.
    /// </summary>
    public static int FreePort()
    {
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            lock (Handed)
            {
                if (Handed.Add(port))
                {
                    return port;
                }
            }
        }
    }

    /// <summary>Polls <paramref name="url"/> until it answers 200; false if the process exits first.</summary>
    public async Task<bool> WaitUntilReadyAsync(HttpClient http, Uri url, TimeSpan deadline)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < deadline)
        {
            if (_process.HasExited)
            {
                return false;
            }

            try
            {
                using var probe = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                using var response = await http.GetAsync(url, probe.Token).ConfigureAwait(false);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Busy starting.
            }

            // The process gives no other signal of readiness; bounded by the deadline.
            await Task.Delay(100).ConfigureAwait(false);
        }

        throw new TimeoutException($"{url} did not answer 200 within {deadline.TotalSeconds:0} s");
    }

    /// <summary>SIGKILL, then wait for the exit; returns when the signal was sent (Unix microseconds), 0 if it had exited.</summary>
    public async Task<long> KillAsync()
    {
        long sentAt = 0;
        if (!_process.HasExited)
        {
            // The process itself, not its tree: walking the tree reads all of /proc first, which took ~0.3 s on this
            // busy machine and would count in the failover time. `dotnet X.dll` starts no children of its own.
            sentAt = (DateTime.UtcNow - DateTime.UnixEpoch).Ticks / 10;
            _process.Kill();
            Keep($"# {DateTime.UtcNow:O} SIGKILL");
        }

        await _process.WaitForExitAsync().ConfigureAwait(false);
        return sentAt;
    }

    public Task WaitForExitAsync(CancellationToken cancellationToken) => _process.WaitForExitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await KillAsync().ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            // Never started or already gone.
        }

        _process.Dispose();
        lock (_log)
        {
            _log.Dispose();
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _onLine?.Invoke(line);
        lock (_log)
        {
            try
            {
                _log.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
                // Output after the run closed the log.
            }
        }
    }
}
