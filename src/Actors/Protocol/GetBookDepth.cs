namespace LoomExchange.Actors.Protocol;

/// <summary>Asks a book for its top <paramref name="Depth"/> levels per side; answered with <see cref="BookDepth"/>.</summary>
public sealed record GetBookDepth(string Symbol, int Depth) : IBookMessage;
