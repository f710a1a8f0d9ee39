namespace LoomExchange.Actors.Protocol;

/// <summary>Asks a book for its resting orders in priority order (bids then asks), at most <paramref name="MaxOrders"/>; answered with <see cref="BookOrders"/>.</summary>
public sealed record GetBookOrders(string Symbol, int MaxOrders) : IBookMessage;
