namespace LoomExchange.Actors.Protocol;

/// <summary>Asks a book for its status; answered with <see cref="BookStatus"/>.</summary>
public sealed record GetBookStatus(string Symbol) : IBookMessage;
