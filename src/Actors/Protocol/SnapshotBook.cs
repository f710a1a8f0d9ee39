namespace LoomExchange.Actors.Protocol;

/// <summary>Asks a book to snapshot now (at its journaled state, after a write in flight completes); answered with <see cref="BookSnapshotTaken"/>.</summary>
public sealed record SnapshotBook(string Symbol) : IBookMessage;
