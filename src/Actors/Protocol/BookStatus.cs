namespace LoomExchange.Actors.Protocol;

/// <summary>
/// A book's health: whether it is listed and halted, its event sequence, the sequence known to be journaled,
/// resting orders, the engine state hash, the size of the duplicate-detection window, and how long the
/// book's last recovery took (snapshot load plus journal replay).
/// </summary>
public sealed record BookStatus(
    string Symbol,
    bool Listed,
    bool Halted,
    long Sequence,
    long JournaledSequence,
    int OrderCount,
    ulong StateHash,
    int DedupEntries,
    long RecoveryMicros) : IExchangeMessage;
