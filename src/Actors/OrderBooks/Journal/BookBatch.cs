using LoomExchange.Actors.Protocol;
using LoomExchange.Messages.Orders;

namespace LoomExchange.Actors.OrderBooks.Journal;

/// <summary>
/// One journal row: the events of every command matched while the previous write was in flight, in order,
/// with one <see cref="CommandOutcome"/> per command (its events are the next <c>EventCount</c> of <see cref="Events"/>).
/// A write costs one row and one commit however many orders it carries.
/// </summary>
public sealed record BookBatch(IReadOnlyList<CommandOutcome> Commands, IReadOnlyList<OrderEvent> Events) : IExchangeMessage;
