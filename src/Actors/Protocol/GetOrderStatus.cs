namespace LoomExchange.Actors.Protocol;

/// <summary>
/// Asks a book for one resting order of <paramref name="AccountId"/>; answered with <see cref="OrderStatusResult"/>
/// carrying <paramref name="CorrelationId"/>. Read from the book's memory (it may include events still being journaled);
/// an order of another account is reported as not found.
/// </summary>
public sealed record GetOrderStatus(string Symbol, long AccountId, long OrderId, long CorrelationId) : IBookMessage;
