using LoomExchange.Messages.Orders;

namespace LoomExchange.Actors.Protocol;

/// <summary>
/// Journaled events that concern accounts other than the sender of the command that caused them: the maker side of
/// each <see cref="EventType.Trade"/> (<see cref="OrderEvent.MakerAccountId"/>) and every <see cref="EventType.Expired"/>
/// (<see cref="OrderEvent.AccountId"/>). A book sends them, in journal order, after their batch is durable, to the
/// node's account-events target (<c>OrderBookSettings.AccountEventsPath</c>), which turns them into execution reports
/// for those accounts' sessions. The sender of a command gets its own events in its <see cref="BookCommandResult"/>.
/// </summary>
public sealed record AccountEvents(string Symbol, IReadOnlyList<OrderEvent> Events) : IExchangeMessage;
