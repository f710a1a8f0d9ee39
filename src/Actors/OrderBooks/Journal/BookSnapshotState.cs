using LoomExchange.Actors.Protocol;
using LoomExchange.Engine;
using LoomExchange.Messages.Instruments;

namespace LoomExchange.Actors.OrderBooks.Journal;

/// <summary>
/// A book entity's snapshot: its rules, trading status, the engine state and the duplicate-detection window
/// (oldest first), all as of the last journaled batch. Never taken while a batch is unjournaled.
/// </summary>
public sealed record BookSnapshotState(
    InstrumentSpec? Spec,
    bool Halted,
    BookSnapshot Book,
    IReadOnlyList<DedupEntry> Dedup) : IExchangeMessage;
