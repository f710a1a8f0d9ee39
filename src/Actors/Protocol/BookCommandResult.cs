using LoomExchange.Messages.Orders;

namespace LoomExchange.Actors.Protocol;

/// <summary>
/// The durable answer to a <see cref="BookCommand"/>. <paramref name="OrderId"/> is the order created or acted on;
/// <paramref name="Events"/> are the events the command caused (empty for a duplicate or an entity-level reject).
/// </summary>
public sealed record BookCommandResult(
    string Symbol,
    long CorrelationId,
    CommandStatus Status,
    long OrderId,
    RejectReason RejectReason,
    IReadOnlyList<OrderEvent> Events) : IExchangeMessage;
