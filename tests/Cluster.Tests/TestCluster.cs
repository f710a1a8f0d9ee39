using System.Collections.Concurrent;
using Akka.Actor;
using Akka.Cluster;
using LoomExchange.Actors.Protocol;
using Xunit.Abstractions;

namespace LoomExchange.Cluster.Tests;

/// <summary>
/// Several <see cref="ClusterNode"/>s that form one cluster, each with an <see cref="OrderFeeder"/>, and the ways a
/// spec talks to them: send a command through a node, ask a book through a node, wait for membership.
/// </summary>
internal sealed class TestCluster : IAsyncDisposable
{
    private readonly string _connectionString;
    private readonly ITestOutputHelper _output;
    private readonly List<ClusterNode> _nodes = [];
    private readonly Dictionary<ClusterNode, IActorRef> _feeders = [];
    private readonly ConcurrentDictionary<long, TaskCompletionSource<FeederAnswer>> _waiting = new();
    private readonly object _gate = new();
    private long _correlation;
    private int _started;

    public TestCluster(string connectionString, IReadOnlyList<string> symbols, ITestOutputHelper output)
    {
        _connectionString = connectionString;
        Symbols = symbols;
        _output = output;
    }

    public IReadOnlyList<string> Symbols { get; }

    /// <summary>Nodes whose actor system still runs.</summary>
    public IReadOnlyList<ClusterNode> Live
    {
        get
        {
            lock (_gate)
            {
                return [.. _nodes.Where(n => !n.IsTerminated)];
            }
        }
    }

    public static async Task<TestCluster> StartAsync(string connectionString, IReadOnlyList<string> symbols, int nodes, ITestOutputHelper output)
    {
        var cluster = new TestCluster(connectionString, symbols, output);
        for (var i = 0; i < nodes; i++)
        {
            await cluster.AddNodeAsync().ConfigureAwait(false);
        }

        await cluster.AwaitMembersUpAsync(nodes).ConfigureAwait(false);
        return cluster;
    }

    /// <summary>Starts one more node; it joins through the first live node (or itself when there is none).</summary>
    public async Task<ClusterNode> AddNodeAsync()
    {
        var seed = Live.FirstOrDefault()?.Address;
        var name = "node-" + Interlocked.Increment(ref _started);
        var node = await ClusterNode.StartAsync(name, _connectionString, Symbols, seed, _output).ConfigureAwait(false);
        var feeder = node.System.ActorOf(OrderFeeder.Props(node.Region, node.Address, _waiting), "feeder");
        var membershipLog = node.System.ActorOf(MembershipLog.Props(node.Name, _output), "membership-log");
        node.Cluster.Subscribe(membershipLog, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsEvents, typeof(ClusterEvent.IMemberEvent), typeof(ClusterEvent.IReachabilityEvent));
        lock (_gate)
        {
            _nodes.Add(node);
            _feeders[node] = feeder;
        }

        _output.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} started {node}");
        return node;
    }

    /// <summary>Waits until every live node sees exactly the live nodes as Up members, and sharding routes on each.</summary>
    public Task AwaitMembersUpAsync(int count) => Eventually.HoldsAsync(
        $"{count} nodes Up as seen by every live node",
        TimeSpan.FromSeconds(60),
        () =>
        {
            var live = Live;
            var addresses = live.Select(n => n.Address).ToHashSet();
            return live.Count == count && live.All(n =>
            {
                var up = n.Cluster.State.Members.Where(m => m.Status == MemberStatus.Up && m.HasRole("exchange")).Select(m => m.Address).ToHashSet();
                return up.SetEquals(addresses) && n.Cluster.State.Unreachable.Count == 0;
            });
        });

    /// <summary>
    /// Sends <paramref name="command"/> through <paramref name="via"/>'s region and waits for the book's answer; null when
    /// none came in time (the command may or may not have been applied: retry with the same client order id).
    /// </summary>
    public async Task<FeederAnswer?> SendAsync(ClusterNode via, ClientOrder command, TimeSpan timeout)
    {
        IActorRef feeder;
        lock (_gate)
        {
            feeder = _feeders[via];
        }

        var correlation = Interlocked.Increment(ref _correlation);
        var attempt = new TaskCompletionSource<FeederAnswer>(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting[correlation] = attempt;
        feeder.Tell(new BookCommand(command.Symbol, command.Order, correlation));
        try
        {
            return await attempt.Task.WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            _waiting.TryRemove(correlation, out _);
            return null;
        }
    }

    /// <summary>A book's resting orders, asked through <paramref name="via"/>; null if the book did not answer in time.</summary>
    public static async Task<BookOrders?> OrdersAsync(ClusterNode via, string symbol, TimeSpan timeout)
    {
        try
        {
            return await via.Region.Ask<BookOrders>(new GetBookOrders(symbol, 1_000_000), timeout).ConfigureAwait(false);
        }
        catch (AskTimeoutException)
        {
            return null;
        }
    }

    public ClusterNode NodeAt(Address address)
    {
        lock (_gate)
        {
            return _nodes.Single(n => n.Address == address);
        }
    }

    public async ValueTask DisposeAsync()
    {
        List<ClusterNode> nodes;
        lock (_gate)
        {
            nodes = [.. _nodes];
        }

        foreach (var node in nodes.AsEnumerable().Reverse())
        {
            await node.DisposeAsync().ConfigureAwait(false);
        }
    }
}
