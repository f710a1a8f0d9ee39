using Akka.Actor;
using Akka.Cluster;
using Akka.Hosting;
using Akka.Remote;
using Akka.Remote.Transport;
using LoomExchange.Clustering;
using LoomExchange.Node.Configuration;
using LoomExchange.Node.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace LoomExchange.Cluster.Tests;

/// <summary>
/// One exchange node in this process: the node's own composition root (<see cref="ExchangeHosting.AddExchange"/>) on
/// 127.0.0.1 with a free port, the shared PostgreSQL journal, and Akka.Remote's throttling transport so a spec can cut
/// it off from the others. Terminating its actor system without coordinated shutdown is a crash: no leave, no hand-off.
/// </summary>
internal sealed class ClusterNode : IAsyncDisposable
{
    private readonly IHost _host;

    private ClusterNode(string name, IHost host)
    {
        Name = name;
        _host = host;
        System = host.Services.GetRequiredService<ActorSystem>();
        Region = host.Services.GetRequiredService<ActorRegistry>().Get<OrderBookRegion>();
        Address = Akka.Cluster.Cluster.Get(System).SelfAddress;
    }

    public static bool ProductionTiming => Environment.GetEnvironmentVariable("LOOM_SPEC_TIMING") == "production";

    public string Name { get; }

    public ActorSystem System { get; }

    public IActorRef Region { get; }

    public Address Address { get; }

    /// <summary>The node's services (its warm-up status, the instrument registry, …).</summary>
    public IServiceProvider Services => _host.Services;

    public bool IsTerminated => System.WhenTerminated.IsCompleted;

    public Akka.Cluster.Cluster Cluster => Akka.Cluster.Cluster.Get(System);

    public static async Task<ClusterNode> StartAsync(string name, string connectionString, IReadOnlyList<string> symbols, Address? seed, ITestOutputHelper output)
    {
        var options = new LoomOptions
        {
            Persistence = { Provider = "postgres", ConnectionString = connectionString },
            Cluster =
            {
                Host = "127.0.0.1",
                Port = 0,
                Seeds = seed is null ? [] : [seed.ToString()],
                ShardCount = 30,

                // Roomier than production: the specs share two cores with other test runs, and assert what happens
                // after a failure, not how fast. LOOM_SPEC_TIMING=production runs them with the node's defaults, to
                // read the failover timeline they print (docs/benchmarks.md).
                FailureDetector = ProductionTiming ? new() : new() { HeartbeatInterval = "500ms", AcceptableHeartbeatPause = "3s" },
                SplitBrain = ProductionTiming ? new() : new() { StableAfter = "2s" },
            },
            Gateway = { Tcp = { Enabled = false }, WebSocket = { Enabled = false } },
            Instruments = [.. symbols.Select(s => new InstrumentSettings { Symbol = s, PriceDecimals = 2, TickSize = "0.01", LotSize = "1" })],
        };
        var journal = JournalDatabase.From(options);
        journal.Prepare();

        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(new TestOutputLoggerProvider(output, name));
        builder.Services.AddHealthChecks();
        builder.Services.AddExchange(options, journal, akka => akka.AddHocon(
            """
            akka.remote.dot-netty.tcp.applied-adapters = [trttl]
            akka.coordinated-shutdown.run-by-actor-system-terminate = off
            """,
            HoconAddMode.Prepend));
        var host = builder.Build();
        await host.StartAsync().ConfigureAwait(false);
        return new ClusterNode(name, host);
    }

    /// <summary>Drops all traffic between this node and <paramref name="other"/>, both ways, as seen from this node.</summary>
    public Task<bool> BlackholeAsync(Address other) => ThrottleAsync(other, Blackhole.Instance);

    public Task<bool> HealAsync(Address other) => ThrottleAsync(other, Unthrottled.Instance);

    /// <summary>A crash as the others see it: silence first (nothing reaches them, not even a goodbye), then gone.</summary>
    public async Task CrashAsync(IEnumerable<ClusterNode> others)
    {
        foreach (var other in others)
        {
            await other.BlackholeAsync(Address).ConfigureAwait(false);
            await BlackholeAsync(other.Address).ConfigureAwait(false);
        }

        await System.Terminate().ConfigureAwait(false);
    }

    /// <summary>A graceful leave, as SIGTERM or <c>loomctl cluster leave</c> does it: shards handed off, then the system stops.</summary>
    public async Task LeaveAsync()
    {
        await CoordinatedShutdown.Get(System).Run(CoordinatedShutdown.ClusterLeavingReason.Instance).ConfigureAwait(false);
        await System.WhenTerminated.ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (!IsTerminated)
        {
            await System.Terminate().ConfigureAwait(false);
        }

        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _host.StopAsync(stopping.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping a host whose actor system is already gone may wait on shutdown phases that never run.
        }

        _host.Dispose();
    }

    public override string ToString() => $"{Name} ({Address})";

    private Task<bool> ThrottleAsync(Address other, ThrottleMode mode)
    {
        var transport = ((RemoteActorRefProvider)((ExtendedActorSystem)System).Provider).Transport;
        return transport.ManagementCommand(new SetThrottle(other, ThrottleTransportAdapter.Direction.Both, mode));
    }
}
