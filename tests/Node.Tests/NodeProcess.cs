using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace LoomExchange.Node.Tests;

/// <summary>
/// The real node executable as a child process (<c>dotnet LoomExchange.Node.dll</c>) on loopback ports of its own
/// and a temporary data directory that outlives restarts: start, wait until ready, kill (SIGKILL), terminate
/// (SIGTERM), start again on the same data. Disposal kills the process tree and deletes the data directory.
/// </summary>
public sealed class NodeProcess : IAsyncDisposable
{
    private const int OutputLinesKept = 400;
    private static readonly TimeSpan ReadyDeadline = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan ExitDeadline = TimeSpan.FromSeconds(30);

    private readonly string[] _extraArguments;
    private readonly Queue<string> _output = new();
    private readonly List<HttpClient> _clients = [];
    private Process? _process;
    private int _starts;

    private NodeProcess(string[] extraArguments)
    {
        _extraArguments = extraArguments;
        DataDir = Directory.CreateTempSubdirectory("loom-node-tests-").FullName;
    }

    /// <summary>The data directory (SQLite journal), the same for every start of this node.</summary>
    public string DataDir { get; }

    /// <summary>A client of the running node's HTTP API; a new one (new port) after every start.</summary>
    public HttpClient Client { get; private set; } = null!;

    /// <summary>The last lines the node wrote (stdout and stderr, tagged with the start they belong to), for failure messages.</summary>
    public string Output => string.Join(Environment.NewLine, OutputLines());

    /// <summary>Starts a node on a fresh data directory and waits until it is ready.</summary>
    /// <param name="extraArguments">More command-line configuration, e.g. <c>--Loom:Instruments:99:Symbol=X</c>.</param>
    public static async Task<NodeProcess> StartAsync(params string[] extraArguments)
    {
        var node = new NodeProcess(extraArguments);
        try
        {
            await node.RestartAsync().ConfigureAwait(false);
            return node;
        }
        catch
        {
            await node.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Starts the node again on the same data directory (new ports) and waits until <c>/health/ready</c> answers 200.</summary>
    /// <param name="argumentsForThisStart">More command-line configuration for this start only.</param>
    public async Task RestartAsync(params string[] argumentsForThisStart)
    {
        if (_process is not null)
        {
            throw new InvalidOperationException("the node is still running; kill or terminate it first");
        }

        for (var attempt = 1; ; attempt++)
        {
            var start = ++_starts;
            var process = Launch(start, argumentsForThisStart);
            if (await WaitUntilReadyAsync(process).ConfigureAwait(false))
            {
                return;
            }

            await process.WaitForExitAsync().ConfigureAwait(false);
            var exitCode = process.ExitCode;
            Forget(process);

            // A port chosen free may be taken by someone else before the node binds it: choose again.
            var portTaken = OutputLines().Any(line => line.StartsWith(StartTag(start), StringComparison.Ordinal)
                && line.Contains("address already in use", StringComparison.OrdinalIgnoreCase));
            if (!portTaken || attempt == 3)
            {
                throw new InvalidOperationException($"the node exited with code {exitCode} before it was ready.{Environment.NewLine}{Output}");
            }
        }
    }

    /// <summary>Kills the process tree with SIGKILL (no shutdown hook runs) and waits until it is gone.</summary>
    public async Task KillAsync()
    {
        var process = _process ?? throw new InvalidOperationException("the node is not running");
        process.Kill(entireProcessTree: true);
        await WaitForExitAsync(process, ExitDeadline, "after SIGKILL").ConfigureAwait(false);
        Forget(process);
    }

    /// <summary>Sends SIGTERM (graceful shutdown) and waits at most <paramref name="deadline"/> for the exit; returns the exit code.</summary>
    public async Task<int> TerminateAsync(TimeSpan deadline)
    {
        var process = _process ?? throw new InvalidOperationException("the node is not running");
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)])
            ?? throw new InvalidOperationException("could not start kill"))
        {
            await kill.WaitForExitAsync().ConfigureAwait(false);
            if (kill.ExitCode != 0)
            {
                throw new InvalidOperationException($"kill -TERM {process.Id} failed with exit code {kill.ExitCode}");
            }
        }

        await WaitForExitAsync(process, deadline, "after SIGTERM").ConfigureAwait(false);
        var exitCode = process.ExitCode;
        Forget(process);
        return exitCode;
    }

    /// <summary>Waits at most <paramref name="deadline"/> for the node to exit on its own (e.g. after an admin leave); returns the exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan deadline)
    {
        var process = _process ?? throw new InvalidOperationException("the node is not running");
        await WaitForExitAsync(process, deadline, "on its own").ConfigureAwait(false);
        var exitCode = process.ExitCode;
        Forget(process);
        return exitCode;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_process is { } process)
            {
                try
                {
                    process.Kill(entireProcessTree: true);
                    await WaitForExitAsync(process, ExitDeadline, "after SIGKILL at dispose").ConfigureAwait(false);
                }
                catch (InvalidOperationException)
                {
                    // Already exited.
                }
                finally
                {
                    Forget(process);
                }
            }
        }
        finally
        {
            foreach (var client in _clients)
            {
                client.Dispose();
            }

            DeleteDataDir();
        }
    }

    /// <summary>A loopback port nobody listens on now: bind port 0, read what the OS chose, release it.</summary>
    internal static int FreeLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }

    /// <summary>
    /// LoomExchange.Node.dll of the same configuration as this test assembly: next to it when referenced as an
    /// assembly, otherwise in src/Node/bin/&lt;Configuration&gt;/&lt;TargetFramework&gt; (built first by the project reference).
    /// </summary>
    internal static string LocateNodeDll()
    {
        const string FileName = "LoomExchange.Node.dll";
        var tried = new List<string> { Path.Combine(AppContext.BaseDirectory, FileName) };
        if (RepositoryLayout.TryFindRoot() is { } root)
        {
            tried.Add(Path.Combine(root, "src", "Node", "bin", RepositoryLayout.OutputSubdirectory, FileName));
        }

        return tried.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException($"{FileName} not found; build src/Node first. Looked in: {string.Join(", ", tried)}");
    }

    private static string StartTag(int start) => string.Create(CultureInfo.InvariantCulture, $"[start {start}] ");

    private Process Launch(int start, string[] argumentsForThisStart)
    {
        var httpPort = FreeLoopbackPort();
        var clusterPort = FreeLoopbackPort();
        var nodeDll = LocateNodeDll();
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(nodeDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(nodeDll);
        info.ArgumentList.Add(string.Create(CultureInfo.InvariantCulture, $"--urls=http://127.0.0.1:{httpPort}"));
        info.ArgumentList.Add("--Loom:DataDir=" + DataDir);
        info.ArgumentList.Add(string.Create(CultureInfo.InvariantCulture, $"--Loom:Cluster:Port={clusterPort}"));

        // The binary gateway on a free port (logged as "gateway tcp listening on ..."), so that nodes never collide on 5081.
        info.ArgumentList.Add("--Loom:Gateway:Tcp:Port=0");
        foreach (var argument in _extraArguments.Concat(argumentsForThisStart))
        {
            info.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Record(start, e.Data);
        process.ErrorDataReceived += (_, e) => Record(start, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}"), Timeout = TimeSpan.FromSeconds(30) };
        _clients.Add(Client);
        return process;
    }

    /// <summary>True once <c>/health/ready</c> answers 200; false if the process exited first; throws after the deadline.</summary>
    private async Task<bool> WaitUntilReadyAsync(Process process)
    {
        var deadline = Stopwatch.StartNew();
        var lastAnswer = "no answer yet";
        while (deadline.Elapsed < ReadyDeadline)
        {
            if (process.HasExited)
            {
                return false;
            }

            try
            {
                using var probe = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                using var response = await Client.GetAsync(new Uri("/health/ready", UriKind.Relative), probe.Token).ConfigureAwait(false);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return true;
                }

                lastAnswer = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync().ConfigureAwait(false)}";
            }
            catch (HttpRequestException e)
            {
                lastAnswer = e.Message;
            }
            catch (TaskCanceledException)
            {
                lastAnswer = "probe timed out";
            }

            // Polling for a signal the node gives no other way, bounded by the deadline above.
            await Task.Delay(100).ConfigureAwait(false);
        }

        throw new TimeoutException($"the node was not ready within {ReadyDeadline.TotalSeconds} s (last answer: {lastAnswer}).{Environment.NewLine}{Output}");
    }

    private async Task WaitForExitAsync(Process process, TimeSpan deadline, string when)
    {
        using var timeout = new CancellationTokenSource(deadline);
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"the node did not exit within {deadline.TotalSeconds} s {when}.{Environment.NewLine}{Output}");
        }
    }

    private void DeleteDataDir()
    {
        try
        {
            Directory.Delete(DataDir, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temporary directory must not fail the run.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private void Forget(Process process)
    {
        process.Dispose();
        _process = null;
    }

    private string[] OutputLines()
    {
        lock (_output)
        {
            return [.. _output];
        }
    }

    private void Record(int start, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Enqueue(StartTag(start) + line);
            while (_output.Count > OutputLinesKept)
            {
                _output.Dequeue();
            }
        }
    }
}
