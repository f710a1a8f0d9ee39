using LoomExchange.Engine;

namespace LoomExchange.Actors.Protocol;

/// <summary>The order-by-order view of a book: bids best first, then asks best first, oldest first within a price.</summary>
public sealed record BookOrders(string Symbol, long Sequence, IReadOnlyList<BookOrder> Orders) : IExchangeMessage;
