using System.Net;
using System.Net.Sockets;
using Akka.Actor;
using Akka.Cluster;
using Akka.Configuration;
using Akka.Remote;
using LoomExchange.Clustering;

namespace LoomExchange.Cluster.Tests;

/// <summary>
/// Plain cluster members (no books) whose failure detector and resolver are set to wait a minute: within a spec's
/// deadline only <see cref="CrashedNodeDowning"/> can down anyone, so each spec sees its decision alone.
/// </summary>
public sealed class CrashedNodeDowningSpecs : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    private readonly List<ActorSystem> _systems = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var system in _systems)
        {
            await system.Terminate().ConfigureAwait(true);
        }
    }

    [Fact]
    public async Task A_killed_member_is_downed_at_once_by_the_members_that_reach_a_majority()
    {
        var (a, b, c) = await StartThreeAsync(downRefusedNodes: true);
        var killed = Akka.Cluster.Cluster.Get(c).SelfAddress;

        // A crash as the others see it: the process and its port are gone, no leave, no goodbye.
        await c.Terminate();

        // Removed, not only downed: the leader removes a downed member only once it is unreachable or terminated, and
        // the failure detector here would take a minute, so the removal shows the quarantine did its part too.
        await Eventually.HoldsAsync($"{killed} removed as seen by the survivors", Deadline, () =>
            new[] { a, b }.All(s => Akka.Cluster.Cluster.Get(s).State.Members.All(m => m.Address != killed)));
    }

    [Fact]
    public async Task Without_the_setting_a_killed_member_waits_for_the_resolver()
    {
        var (a, _, c) = await StartThreeAsync(downRefusedNodes: false);
        var killed = Akka.Cluster.Cluster.Get(c).SelfAddress;
        var verdicts = new VerdictLog(a);

        await c.Terminate();

        // The survivors notice the closed connection (a probe started by hand hears it too), but no one downs.
        await StartDowningAsync(a, PortProbeResult.Accepted);
        a.EventStream.Publish(new DisassociatedEvent(Akka.Cluster.Cluster.Get(a).SelfAddress, killed, inbound: false));
        var verdict = await verdicts.NextAsync(Deadline);
        Assert.Equal(CrashVerdict.NotProven, verdict.Verdict);
        Assert.Contains(Akka.Cluster.Cluster.Get(a).State.Members, m => m.Address == killed && m.Status == MemberStatus.Up);
    }

    [Fact]
    public async Task A_member_whose_port_still_accepts_is_left_to_the_failure_detector()
    {
        var (a, b, _) = await StartThreeAsync(downRefusedNodes: false);
        var suspect = Akka.Cluster.Cluster.Get(b).SelfAddress;
        var verdicts = new VerdictLog(a);
        await StartDowningAsync(a, PortProbeResult.Accepted);

        a.EventStream.Publish(new DisassociatedEvent(Akka.Cluster.Cluster.Get(a).SelfAddress, suspect, inbound: false));

        var verdict = await verdicts.NextAsync(Deadline);
        Assert.Equal(new CrashVerdictEvent(suspect, CrashVerdict.NotProven, "its connection closed", 0, 0), verdict);
        Assert.All(_systems, s => Assert.Equal(3, Akka.Cluster.Cluster.Get(s).State.Members.Count(m => m.Status == MemberStatus.Up)));
    }

    [Fact]
    public async Task A_node_that_every_member_refuses_is_the_one_cut_off_and_downs_no_one()
    {
        // A partition by a rejecting firewall: from the cut-off side every port refuses, its own majority check included.
        var (a, b, _) = await StartThreeAsync(downRefusedNodes: false);
        var suspect = Akka.Cluster.Cluster.Get(b).SelfAddress;
        var verdicts = new VerdictLog(a);
        await StartDowningAsync(a, PortProbeResult.Refused);

        a.EventStream.Publish(new DisassociatedEvent(Akka.Cluster.Cluster.Get(a).SelfAddress, suspect, inbound: false));

        var verdict = await verdicts.NextAsync(Deadline);
        Assert.Equal(new CrashVerdictEvent(suspect, CrashVerdict.NoMajority, "its connection closed", 1, 3), verdict);
        Assert.All(_systems, s => Assert.Equal(3, Akka.Cluster.Cluster.Get(s).State.Members.Count(m => m.Status == MemberStatus.Up)));
    }

    [Fact]
    public async Task The_probe_tells_a_listening_port_from_a_closed_one()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var address = new Address("akka.tcp", "loom", "127.0.0.1", port);

        Assert.Equal(PortProbeResult.Accepted, await RemotingPortProbe.ProbeAsync(address));
        listener.Stop();
        Assert.Equal(PortProbeResult.Refused, await RemotingPortProbe.ProbeAsync(address));
        Assert.Equal(PortProbeResult.Inconclusive, await RemotingPortProbe.ProbeAsync(new Address("akka", "loom")));
    }

    /// <summary>A downing actor whose probe always answers <paramref name="answer"/>, subscribed before this returns.</summary>
    private static async Task StartDowningAsync(ActorSystem system, PortProbeResult answer)
    {
        var downing = system.ActorOf(CrashedNodeDowning.Props(_ => Task.FromResult(answer)));
        await downing.Ask<ActorIdentity>(new Identify(null), Deadline); // answered after PreStart subscribed it
    }

    private async Task<(ActorSystem A, ActorSystem B, ActorSystem C)> StartThreeAsync(bool downRefusedNodes)
    {
        var timing = ClusterTiming.From(
            new FailureDetectorSettings { HeartbeatInterval = "1s", AcceptableHeartbeatPause = "60s" },
            new SplitBrainSettings { StableAfter = "60s", DownRefusedNodes = downRefusedNodes });
        var config = ConfigurationFactory.ParseString("""
                akka.actor.provider = cluster
                akka.remote.dot-netty.tcp.hostname = 127.0.0.1
                akka.remote.dot-netty.tcp.port = 0
                akka.coordinated-shutdown.run-by-actor-system-terminate = off
                akka.loglevel = WARNING
                """)
            .WithFallback(timing.ToConfig());
        for (var i = 0; i < 3; i++)
        {
            var system = ActorSystem.Create("loom", config);
            _systems.Add(system);
            timing.StartCrashedNodeDowning(system);
        }

        var first = Akka.Cluster.Cluster.Get(_systems[0]).SelfAddress;
        foreach (var system in _systems)
        {
            await Akka.Cluster.Cluster.Get(system).JoinAsync(first);
        }

        await Eventually.HoldsAsync("3 members Up as seen by each", Deadline, () =>
            _systems.All(s => Akka.Cluster.Cluster.Get(s).State.Members.Count(m => m.Status == MemberStatus.Up) == 3));
        return (_systems[0], _systems[1], _systems[2]);
    }

    /// <summary>The <see cref="CrashVerdictEvent"/>s one system publishes, in order.</summary>
    private sealed class VerdictLog
    {
        private readonly System.Threading.Channels.Channel<CrashVerdictEvent> _verdicts = System.Threading.Channels.Channel.CreateUnbounded<CrashVerdictEvent>();

        public VerdictLog(ActorSystem system)
        {
            var listener = system.ActorOf(Props.Create(() => new Listener(_verdicts.Writer)));
            system.EventStream.Subscribe(listener, typeof(CrashVerdictEvent));
        }

        public async Task<CrashVerdictEvent> NextAsync(TimeSpan within)
        {
            using var deadline = new CancellationTokenSource(within);
            return await _verdicts.Reader.ReadAsync(deadline.Token).ConfigureAwait(false);
        }

        private sealed class Listener : ReceiveActor
        {
            public Listener(System.Threading.Channels.ChannelWriter<CrashVerdictEvent> writer) =>
                Receive<CrashVerdictEvent>(v => writer.TryWrite(v));
        }
    }
}
