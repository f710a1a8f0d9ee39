using Akka.Actor;
using Akka.Cluster;
using Akka.Event;
using Akka.Remote;

namespace LoomExchange.Clustering;

/// <summary>
/// Downs a member at once when its process is proven gone, instead of waiting for the failure detector (about 1.8 s
/// at the default settings) and the resolver's stable-after. The proof: its remoting connection closed or it became
/// unreachable, and then a TCP connect to its remoting port was refused. A killed process leaves exactly that: the
/// kernel resets its connections and the port, while a paused, overloaded or partitioned node still holds its port and
/// only times out. A firewall that rejects can refuse too, so before downing, this node must also reach (connect to) a
/// strict majority of the members not yet removed, counting itself: the side of a rejecting partition that is cut off
/// sees everyone refuse and downs no one, leaving the decision to the Split Brain Resolver as before.
/// </summary>
public sealed class CrashedNodeDowning : ReceiveActor, IWithTimers
{
    public const string Name = "crashed-node-downing";

    /// <summary>
    /// A killed process's connections and listening port close within microseconds of each other, but a connection
    /// can also drop for a reason that leaves the process running; a few probes apart tell the two cases apart.
    /// </summary>
    private const int ProbesAfterDisassociation = 3;

    private static readonly TimeSpan ProbeSpacing = TimeSpan.FromMilliseconds(100);

    private readonly Akka.Cluster.Cluster _cluster = Akka.Cluster.Cluster.Get(Context.System);
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly Func<Address, Task<PortProbeResult>> _probe;
    private readonly HashSet<Address> _probing = [];

    public CrashedNodeDowning(Func<Address, Task<PortProbeResult>> probe)
    {
        _probe = probe;
        Receive<DisassociatedEvent>(e => Consider(e.RemoteAddress, "its connection closed", ProbesAfterDisassociation));
        Receive<ClusterEvent.UnreachableMember>(e => Consider(e.Member.Address, "it became unreachable", 1));
        Receive<ClusterEvent.CurrentClusterState>(_ => { });
        Receive<ProbeAgain>(p => Probe(p.Member, p.Trigger, p.ProbesLeft));
        Receive<MemberProbed>(OnMemberProbed);
        Receive<MajorityProbed>(OnMajorityProbed);
    }

    public ITimerScheduler Timers { get; set; } = null!;

    /// <param name="probe">How to probe a remoting port; <see cref="RemotingPortProbe.ProbeAsync"/> unless a spec stands in.</param>
    public static Props Props(Func<Address, Task<PortProbeResult>>? probe = null)
    {
        var probeAsync = probe ?? RemotingPortProbe.ProbeAsync;
        return Akka.Actor.Props.Create(() => new CrashedNodeDowning(probeAsync));
    }

    protected override void PreStart()
    {
        Context.System.EventStream.Subscribe(Self, typeof(DisassociatedEvent));
        _cluster.Subscribe(Self, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsSnapshot, typeof(ClusterEvent.UnreachableMember));
    }

    protected override void PostStop()
    {
        Context.System.EventStream.Unsubscribe(Self);
        _cluster.Unsubscribe(Self);
    }

    private void Consider(Address address, string trigger, int probes)
    {
        var member = Candidate(address);
        if (member is null || !_probing.Add(member.Address))
        {
            return;
        }

        Probe(member.Address, trigger, probes);
    }

    private void Probe(Address member, string trigger, int probesLeft) =>
        _probe(member).PipeTo(
            Self,
            success: result => new MemberProbed(member, trigger, probesLeft - 1, result),
            failure: _ => new MemberProbed(member, trigger, probesLeft - 1, PortProbeResult.Inconclusive));

    private void OnMemberProbed(MemberProbed probed)
    {
        if (probed.Result != PortProbeResult.Refused)
        {
            if (probed.ProbesLeft > 0)
            {
                Timers.StartSingleTimer(probed.Member, new ProbeAgain(probed.Member, probed.Trigger, probed.ProbesLeft), ProbeSpacing);
                return;
            }

            Decide(probed.Member, CrashVerdict.NotProven, probed.Trigger, 0, 0);
            return;
        }

        // Everyone else still in the cluster, including members already unreachable: reaching them is what counts.
        var members = _cluster.State.Members.Where(m => m.Status != MemberStatus.Removed).ToList();
        var others = members
            .Where(m => m.Status != MemberStatus.Down && m.Address != _cluster.SelfAddress && m.Address != probed.Member)
            .Select(m => _probe(m.Address))
            .ToList();
        var total = members.Count;
        Task.WhenAll(others).PipeTo(
            Self,
            success: results => new MajorityProbed(probed.Member, probed.Trigger, 1 + results.Count(r => r == PortProbeResult.Accepted), total),
            failure: _ => new MajorityProbed(probed.Member, probed.Trigger, 1, total));
    }

    private void OnMajorityProbed(MajorityProbed probed)
    {
        if (probed.Reachable * 2 <= probed.Members)
        {
            _log.Warning(
                "{0} refuses connections on its remoting port ({1}), but this node reaches only {2} of {3} members: not downing it, the split brain resolver decides",
                probed.Member,
                probed.Trigger,
                probed.Reachable,
                probed.Members);
            Decide(probed.Member, CrashVerdict.NoMajority, probed.Trigger, probed.Reachable, probed.Members);
            return;
        }

        var member = Candidate(probed.Member);
        if (member is null)
        {
            _probing.Remove(probed.Member); // removed or downed meanwhile (by the resolver or another member's probe)
            return;
        }

        _log.Warning(
            "{0} refuses connections on its remoting port ({1}): its process is gone; downing it now ({2} of {3} members reachable)",
            probed.Member,
            probed.Trigger,
            probed.Reachable,
            probed.Members);
        _cluster.Down(probed.Member);

        // Down alone is not enough: the leader removes a downed member only once some member's failure detector has
        // also marked it unreachable (another 1.6-2 s), since a reachable downed member is expected to leave by itself.
        // Quarantining this incarnation (its uid; a restart on the same port has another) marks it terminated at once.
        ((RemoteActorRefProvider)((ExtendedActorSystem)Context.System).Provider).Transport.Quarantine(member.Address, member.UniqueAddress.Uid);
        Decide(probed.Member, CrashVerdict.Downed, probed.Trigger, probed.Reachable, probed.Members);
    }

    private void Decide(Address member, CrashVerdict verdict, string trigger, int reachable, int members)
    {
        _probing.Remove(member);
        Context.System.EventStream.Publish(new CrashVerdictEvent(member, verdict, trigger, reachable, members));
    }

    /// <summary>
    /// The member at <paramref name="address"/> if downing it could help: not this node, not already down or removed,
    /// and not exiting (a graceful leave closes its port last, after its shards have moved).
    /// </summary>
    private Member? Candidate(Address address) => _cluster.State.Members.FirstOrDefault(m =>
        m.Address == address
        && m.Address != _cluster.SelfAddress
        && m.Status is not (MemberStatus.Down or MemberStatus.Removed or MemberStatus.Exiting));

    private sealed record ProbeAgain(Address Member, string Trigger, int ProbesLeft) : INoSerializationVerificationNeeded;

    private sealed record MemberProbed(Address Member, string Trigger, int ProbesLeft, PortProbeResult Result) : INoSerializationVerificationNeeded;

    private sealed record MajorityProbed(Address Member, string Trigger, int Reachable, int Members) : INoSerializationVerificationNeeded;
}
