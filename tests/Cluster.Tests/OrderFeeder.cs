using System.Collections.Concurrent;
using Akka.Actor;
using LoomExchange.Actors.Protocol;

namespace LoomExchange.Cluster.Tests;

/// <summary>
/// A client's door into one node: sends book commands to that node's shard region with itself as the sender, so the
/// answer's sender is the book itself and tells which node hosted it. Answers complete the waiting attempt by correlation id.
/// </summary>
internal sealed class OrderFeeder : ReceiveActor
{
    public OrderFeeder(IActorRef region, Address selfAddress, ConcurrentDictionary<long, TaskCompletionSource<FeederAnswer>> waiting)
    {
        Receive<BookCommand>(command => region.Tell(command, Self));
        Receive<BookCommandResult>(result =>
        {
            var host = Sender.Path.Address.HasGlobalScope ? Sender.Path.Address : selfAddress;
            if (waiting.TryRemove(result.CorrelationId, out var attempt))
            {
                attempt.TrySetResult(new FeederAnswer(result, host, DateTime.UtcNow.Ticks));
            }
        });
    }

    public static Props Props(IActorRef region, Address selfAddress, ConcurrentDictionary<long, TaskCompletionSource<FeederAnswer>> waiting) =>
        Akka.Actor.Props.Create(() => new OrderFeeder(region, selfAddress, waiting));
}
