using LoomExchange.Engine;

namespace LoomExchange.Actors.Protocol;

/// <summary>Aggregated top of book, best levels first, as of the book's sequence (which may include events still being journaled).</summary>
public sealed record BookDepth(
    string Symbol,
    long Sequence,
    long LastTradePrice,
    IReadOnlyList<PriceLevelView> Bids,
    IReadOnlyList<PriceLevelView> Asks) : IExchangeMessage;
