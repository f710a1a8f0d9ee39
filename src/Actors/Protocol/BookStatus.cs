namespace LoomExchange.Actors.Protocol;

/// <summary>
/// A book's health: whether it is listed and halted, its event sequence, the sequence known to be journaled,
/// resting orders, the engine state hash and the size of the duplicate-detection window.
/// </summary>
public sealed record BookStatus(
    string Symbol,
    bool Listed,
    bool Halted,
    long Sequence,
    long JournaledSequence,
    int OrderCount,
    ulong StateHash,
    int DedupEntries) : IExchangeMessage;
