using LoomExchange.Node.Http;

namespace LoomExchange.Node.Admin;

/// <summary>
/// A book as of a past point (<c>exchange replay</c>): the last event applied, resting orders, the engine state hash (equal
/// to the live book's at that sequence), trading status and depth.
/// </summary>
public sealed record ReplayView(
    string Symbol,
    string At,
    long EventsApplied,
    long Sequence,
    DateTimeOffset? Timestamp,
    int Orders,
    ulong StateHash,
    bool Halted,
    string LastTradePrice,
    IReadOnlyList<LevelView> Bids,
    IReadOnlyList<LevelView> Asks);
