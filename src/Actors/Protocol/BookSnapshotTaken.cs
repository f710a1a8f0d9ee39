namespace LoomExchange.Actors.Protocol;

/// <summary>
/// The answer to <see cref="SnapshotBook"/>: saved at journal sequence <paramref name="JournalSequenceNr"/> (the book's event
/// sequence <paramref name="BookSequence"/>), or not, with <paramref name="Error"/> saying why.
/// </summary>
public sealed record BookSnapshotTaken(string Symbol, bool Saved, long JournalSequenceNr, long BookSequence, string Error) : IExchangeMessage;
