using System.Globalization;
using System.Text;
using LoomExchange.Messages.Instruments;
using LoomExchange.Messages.Orders;

namespace LoomExchange.Engine.Tests.Properties;

/// <summary>
/// One generated test case: the instrument, the book options, the command stream and a split point (used by
/// the snapshot and replay properties). <see cref="ToString"/> prints it in a form that can be pasted into a test.
/// </summary>
public sealed record Scenario(InstrumentSpec Spec, OrderBookOptions Options, IReadOnlyList<OrderCommand> Commands, int SplitAt)
{
    public OrderBook NewBook() => new(Spec, Options);

    /// <summary>Runs every command through a new engine book; one event array per command.</summary>
    public (OrderBook Book, List<OrderEvent[]> Events) RunEngine()
    {
        var book = NewBook();
        var buffer = new OrderEventBuffer();
        var events = new List<OrderEvent[]>(Commands.Count);
        foreach (var command in Commands)
        {
            buffer.Clear();
            book.Process(command, buffer);
            events.Add(buffer.ToArray());
        }

        return (book, events);
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        var s = Spec;
        text.AppendLine(CultureInfo.InvariantCulture, $"spec: new InstrumentSpec {{ Symbol = \"{s.Symbol}\", PriceDecimals = {s.PriceDecimals}, QuantityDecimals = {s.QuantityDecimals}, TickSize = {s.TickSize}, LotSize = {s.LotSize}, MinQuantity = {s.MinQuantity}, MaxQuantity = {s.MaxQuantity}, MaxNotional = {s.MaxNotional}, PriceBandBps = {s.PriceBandBps}, ReferencePrice = {s.ReferencePrice} }}");
        text.AppendLine(CultureInfo.InvariantCulture, $"options: new OrderBookOptions {{ MaxOrders = {Options.MaxOrders} }}");
        text.AppendLine(CultureInfo.InvariantCulture, $"split at: {SplitAt}");
        text.AppendLine(CultureInfo.InvariantCulture, $"commands ({Commands.Count}):");
        for (var i = 0; i < Commands.Count; i++)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  /* {i,3} */ {Describe(Commands[i])},");
        }

        return text.ToString();
    }

    /// <summary>A command as C# source.</summary>
    public static string Describe(OrderCommand c) => c.Type switch
    {
        CommandType.Place => string.Create(CultureInfo.InvariantCulture, $"new OrderCommand {{ Type = CommandType.Place, Timestamp = {c.Timestamp}, AccountId = {c.AccountId}, ClientOrderId = {c.ClientOrderId}, Side = {Enum(c.Side)}, OrderType = {Enum(c.OrderType)}, TimeInForce = {Enum(c.TimeInForce)}, SelfTradePrevention = {Enum(c.SelfTradePrevention)}, PostOnly = {(c.PostOnly ? "true" : "false")}, Price = {c.Price}, Quantity = {c.Quantity}, ExpireAt = {c.ExpireAt} }}"),
        CommandType.Cancel => string.Create(CultureInfo.InvariantCulture, $"OrderCommand.Cancel(accountId: {c.AccountId}, orderId: {c.OrderId}, timestamp: {c.Timestamp}, clientOrderId: {c.ClientOrderId})"),
        CommandType.Amend => string.Create(CultureInfo.InvariantCulture, $"OrderCommand.Amend(accountId: {c.AccountId}, orderId: {c.OrderId}, newPrice: {c.Price}, newQuantity: {c.Quantity}, timestamp: {c.Timestamp}, clientOrderId: {c.ClientOrderId})"),
        CommandType.MassCancel => string.Create(CultureInfo.InvariantCulture, $"OrderCommand.MassCancel(accountId: {c.AccountId}, timestamp: {c.Timestamp}, clientOrderId: {c.ClientOrderId})"),
        CommandType.AdvanceTime => string.Create(CultureInfo.InvariantCulture, $"OrderCommand.AdvanceTime({c.Timestamp})"),
        _ => string.Create(CultureInfo.InvariantCulture, $"new OrderCommand {{ Type = (CommandType){(int)c.Type}, Timestamp = {c.Timestamp}, AccountId = {c.AccountId}, ClientOrderId = {c.ClientOrderId}, Side = {Enum(c.Side)}, Price = {c.Price}, Quantity = {c.Quantity} }}"),
    };

    private static string Enum<T>(T value)
        where T : struct, System.Enum =>
        System.Enum.IsDefined(value)
            ? $"{typeof(T).Name}.{value}"
            : string.Create(CultureInfo.InvariantCulture, $"({typeof(T).Name}){Convert.ToInt64(value, CultureInfo.InvariantCulture)}");
}
