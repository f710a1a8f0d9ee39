using Akka.Actor;
using LoomExchange.Actors.Protocol;
using LoomExchange.Messages.Orders;

namespace LoomExchange.Actors.OrderBooks;

/// <summary>A reply held back until its batch is journaled; its events are a range of the batch's events.</summary>
internal readonly record struct PendingReply(
    IActorRef ReplyTo,
    long CorrelationId,
    CommandStatus Status,
    long OrderId,
    RejectReason RejectReason,
    int FirstEvent,
    int EventCount);
