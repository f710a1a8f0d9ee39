namespace LoomExchange.Engine;

/// <summary>
/// The complete state of one book as a compact value: counters plus every resting order in priority order
/// (bids best price first, then asks best price first; within a price, oldest first).
/// <c>OrderBook.Import(spec, book.Export())</c> is indistinguishable from the book that was exported.
/// </summary>
public sealed record BookSnapshot
{
    public required string Symbol { get; init; }

    /// <summary>Sequence number of the last event the book produced or applied.</summary>
    public long Sequence { get; init; }

    public long NextOrderId { get; init; } = 1;

    public long NextTradeId { get; init; } = 1;

    /// <summary>Price of the last trade, the reference of the price band (0 = none yet).</summary>
    public long LastTradePrice { get; init; }

    public required IReadOnlyList<BookOrder> Orders { get; init; }

    /// <summary>Structural equality of two snapshots, including every order in order.</summary>
    public bool ContentEquals(BookSnapshot? other) =>
        other is not null
        && Symbol == other.Symbol
        && Sequence == other.Sequence
        && NextOrderId == other.NextOrderId
        && NextTradeId == other.NextTradeId
        && LastTradePrice == other.LastTradePrice
        && Orders.SequenceEqual(other.Orders);
}
