namespace LoomExchange.Actors.Protocol;

/// <summary>Halts or resumes trading in a symbol (circuit breaker by hand); journaled. Answered with <see cref="BookStatus"/>.</summary>
public sealed record SetTradingHalt(string Symbol, bool Halted, string Reason) : IBookMessage;
