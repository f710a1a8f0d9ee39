using System.Text.Json;
using System.Threading.Channels;
using Akka.Actor;
using Akka.Cluster;

namespace LoomExchange.Admin.Cluster;

/// <summary>
/// <c>cluster tail</c>: membership events as newline-delimited JSON, the current members first, then every change,
/// until the client disconnects. A short-lived actor subscribes to the cluster and feeds the response.
/// </summary>
internal static class ClusterTail
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task StreamAsync(HttpContext http, ActorSystem system)
    {
        var changes = Channel.CreateBounded<MembershipChange>(new BoundedChannelOptions(1024) { FullMode = BoundedChannelFullMode.DropOldest });
        var subscriber = system.ActorOf(Props.Create(() => new Subscriber(changes.Writer)));
        try
        {
            http.Response.ContentType = "application/x-ndjson";
            await http.Response.StartAsync(http.RequestAborted).ConfigureAwait(false);
            await foreach (var change in changes.Reader.ReadAllAsync(http.RequestAborted).ConfigureAwait(false))
            {
                await http.Response.WriteAsync(JsonSerializer.Serialize(change, Json) + "\n", http.RequestAborted).ConfigureAwait(false);
                await http.Response.Body.FlushAsync(http.RequestAborted).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The client went away: the normal end of a tail.
        }
        finally
        {
            system.Stop(subscriber);
        }
    }

    private sealed class Subscriber : ReceiveActor
    {
        public Subscriber(ChannelWriter<MembershipChange> changes)
        {
            Receive<ClusterEvent.IMemberEvent>(e => changes.TryWrite(Change(e.GetType().Name, e.Member)));
            Receive<ClusterEvent.UnreachableMember>(e => changes.TryWrite(Change("Unreachable", e.Member)));
            Receive<ClusterEvent.ReachableMember>(e => changes.TryWrite(Change("Reachable", e.Member)));
            Receive<ClusterEvent.LeaderChanged>(e => changes.TryWrite(new MembershipChange(DateTimeOffset.UtcNow, "LeaderChanged", e.Leader?.ToString(), null, null)));
            Receive<ClusterEvent.IClusterDomainEvent>(_ => { });
        }

        protected override void PreStart() => Akka.Cluster.Cluster.Get(Context.System).Subscribe(
            Self,
            ClusterEvent.SubscriptionInitialStateMode.InitialStateAsEvents,
            typeof(ClusterEvent.IMemberEvent),
            typeof(ClusterEvent.IReachabilityEvent),
            typeof(ClusterEvent.LeaderChanged));

        protected override void PostStop() => Akka.Cluster.Cluster.Get(Context.System).Unsubscribe(Self);

        private static MembershipChange Change(string name, Member member) =>
            new(DateTimeOffset.UtcNow, name, member.Address.ToString(), member.Status.ToString(), [.. member.Roles.Order(StringComparer.Ordinal)]);
    }
}
