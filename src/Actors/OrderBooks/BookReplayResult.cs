using LoomExchange.Engine;

namespace LoomExchange.Actors.OrderBooks;

/// <summary>
/// A book as of a past point, rebuilt from its journal by <see cref="BookReplayActor"/>: the last event applied (sequence,
/// timestamp in ns), resting orders, the engine state hash (equal to the live book's hash at that sequence), trading status
/// and depth. <paramref name="Error"/> is set when the journal could not be read.
/// </summary>
public sealed record BookReplayResult(
    string Symbol,
    long EventsApplied,
    long Sequence,
    long TimestampNanos,
    int OrderCount,
    ulong StateHash,
    bool Halted,
    long LastTradePrice,
    IReadOnlyList<PriceLevelView> Bids,
    IReadOnlyList<PriceLevelView> Asks,
    string? Error = null);
