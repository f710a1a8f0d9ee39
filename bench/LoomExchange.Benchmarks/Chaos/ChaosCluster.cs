using System.Globalization;

namespace LoomExchange.Benchmarks.Chaos;

/// <summary>A Lighthouse and three exchange nodes on loopback sharing one PostgreSQL journal, each a real process.</summary>
internal sealed class ChaosCluster : IAsyncDisposable
{
    public const int NodeCount = 3;
    private static readonly TimeSpan ReadyDeadline = TimeSpan.FromSeconds(120);

    private readonly ChaosBuild _build;
    private readonly ChaosOptions _options;
    private readonly string _workDir;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private ChildProcess? _lighthouse;

    public ChaosCluster(ChaosBuild build, ChaosOptions options, string workDir)
    {
        _build = build;
        _options = options;
        _workDir = workDir;
        Nodes = [.. Enumerable.Range(0, NodeCount).Select(i => new NodeSlot(i))];
    }

    public IReadOnlyList<NodeSlot> Nodes { get; }

    public int LighthousePort { get; } = ChildProcess.FreePort();

    /// <summary>The admin API token every node is started with.</summary>
    public string AdminToken { get; } = Guid.NewGuid().ToString("N");

    public HttpClient Http => _http;

    public async Task StartAsync(TextWriter progress)
    {
        var lighthouseHttp = ChildProcess.FreePort();
        var port = LighthousePort.ToString(CultureInfo.InvariantCulture);
        _lighthouse = ChildProcess.Start(
            _build.LighthouseDll,
            [string.Create(CultureInfo.InvariantCulture, $"--urls=http://127.0.0.1:{lighthouseHttp}"), .. ClusterTimingArguments()],
            Path.Combine(_workDir, "lighthouse.log"),
            new Dictionary<string, string>
            {
                ["ACTORSYSTEM"] = "loom",
                ["CLUSTER_IP"] = "127.0.0.1",
                ["CLUSTER_PORT"] = port,
                ["CLUSTER_SEEDS"] = $"akka.tcp://loom@127.0.0.1:{port}",
            });
        if (!await _lighthouse.WaitUntilReadyAsync(_http, new Uri($"http://127.0.0.1:{lighthouseHttp}/health/ready"), ReadyDeadline).ConfigureAwait(false))
        {
            throw new InvalidOperationException($"the Lighthouse exited with code {_lighthouse.ExitCode}; see {_workDir}/lighthouse.log");
        }

        await progress.WriteLineAsync($"lighthouse up on akka.tcp://loom@127.0.0.1:{port}").ConfigureAwait(false);

        // All together on the empty database, as a rollout does: the schema gate lets one create the tables (decision 19).
        await Task.WhenAll(Nodes.Select(n => StartNodeAsync(n, progress))).ConfigureAwait(false);
    }

    public async Task StartNodeAsync(NodeSlot node, TextWriter progress)
    {
        for (var attempt = 1; ; attempt++)
        {
            node.ClusterPort = ChildProcess.FreePort();
            node.Starts++;
            var log = node.LogFile = Path.Combine(_workDir, string.Create(CultureInfo.InvariantCulture, $"{node.Name}.start-{node.Starts}.log"));
            node.Process = ChildProcess.Start(_build.NodeDll, NodeArguments(node), log);
            if (await node.Process.WaitUntilReadyAsync(_http, new Uri(node.Http, "/health/ready"), ReadyDeadline).ConfigureAwait(false))
            {
                await progress.WriteLineAsync($"{node.Name} up (start {node.Starts}, pid {node.Process.Id}): http {node.Http} gateway {node.Gateway} remoting {node.Address}").ConfigureAwait(false);
                return;
            }

            var exitCode = node.Process.ExitCode;
            await node.Process.DisposeAsync().ConfigureAwait(false);
            node.Process = null;
            if (attempt == 3)
            {
                throw new InvalidOperationException($"{node.Name} exited with code {exitCode} before it was ready (3 attempts); see {log}");
            }

            // A port chosen free may have been taken before the node bound it: choose again.
            await progress.WriteLineAsync($"{node.Name} exited with code {exitCode} while starting; starting it again").ConfigureAwait(false);
        }
    }

    /// <summary>SIGKILLs the node; returns when the signal was sent (Unix microseconds).</summary>
    public async Task<long> KillAsync(NodeSlot node)
    {
        if (node.Process is not { } process)
        {
            return 0;
        }

        var sentAt = await process.KillAsync().ConfigureAwait(false);
        await process.DisposeAsync().ConfigureAwait(false);
        node.Process = null;
        return sentAt;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in Nodes)
        {
            await KillAsync(node).ConfigureAwait(false);
        }

        if (_lighthouse is not null)
        {
            await _lighthouse.DisposeAsync().ConfigureAwait(false);
        }

        _http.Dispose();
    }

    /// <summary>
    /// The failure-detector and split-brain overrides among the --node-arg values: the Lighthouse gets them too,
    /// because it is the oldest member and so usually the leader whose resolver downs a killed node.
    /// </summary>
    private IEnumerable<string> ClusterTimingArguments() => _options.NodeArguments.Where(a =>
        a.StartsWith("--Loom:Cluster:FailureDetector:", StringComparison.Ordinal)
        || a.StartsWith("--Loom:Cluster:SplitBrain:", StringComparison.Ordinal));

    private List<string> NodeArguments(NodeSlot node)
    {
        var arguments = new List<string>
        {
            "--Loom:Persistence:Provider=postgres",
            $"--Loom:Persistence:ConnectionString={_options.Connection}",
            string.Create(CultureInfo.InvariantCulture, $"--Loom:Cluster:Port={node.ClusterPort}"),
            string.Create(CultureInfo.InvariantCulture, $"--Loom:Cluster:Seeds:0=akka.tcp://loom@127.0.0.1:{LighthousePort}"),
            $"--urls={node.Http.ToString().TrimEnd('/')}",
            string.Create(CultureInfo.InvariantCulture, $"--Loom:Gateway:Tcp:Port={node.GatewayPort}"),
            $"--Loom:Admin:Token={AdminToken}",
            $"--Loom:DataDir={Path.Combine(_workDir, node.Name)}",
        };
        arguments.AddRange(_options.NodeArguments);
        return arguments;
    }
}
