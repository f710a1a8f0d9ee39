using LoomExchange.Engine;

namespace LoomExchange.Actors.Protocol;

/// <summary>The answer to <see cref="GetOrderStatus"/>: the order as it rests now, or null when it does not rest (unknown, done or another account's).</summary>
public sealed record OrderStatusResult(string Symbol, long CorrelationId, BookOrder? Order) : IExchangeMessage;
