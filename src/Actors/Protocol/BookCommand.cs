using LoomExchange.Messages.Orders;

namespace LoomExchange.Actors.Protocol;

/// <summary>
/// An order command for the book of <paramref name="Symbol"/>. The book answers the sender with one
/// <see cref="BookCommandResult"/> carrying <paramref name="CorrelationId"/>, only after the command's events are journaled.
/// The book stamps the command's timestamp itself when it admits it.
/// </summary>
public sealed record BookCommand(string Symbol, OrderCommand Command, long CorrelationId) : IBookMessage;
