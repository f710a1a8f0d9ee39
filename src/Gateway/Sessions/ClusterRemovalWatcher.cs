using Akka.Actor;
using Akka.Cluster;

namespace LoomExchange.Gateway.Sessions;

/// <summary>Tells the session registry to have every session resend its unanswered requests whenever a member is removed from the cluster.</summary>
public sealed class ClusterRemovalWatcher : ReceiveActor
{
    public ClusterRemovalWatcher(IActorRef sessionRegistry)
    {
        Receive<ClusterEvent.MemberRemoved>(removed =>
            sessionRegistry.Tell(new ResendPendingRequests($"{removed.Member.Address} left the cluster ({removed.PreviousStatus})")));
    }

    public static Props Props(IActorRef sessionRegistry) => Akka.Actor.Props.Create(() => new ClusterRemovalWatcher(sessionRegistry));

    protected override void PreStart() =>
        Cluster.Get(Context.System).Subscribe(Self, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsEvents, typeof(ClusterEvent.MemberRemoved));

    protected override void PostStop() => Cluster.Get(Context.System).Unsubscribe(Self);
}
