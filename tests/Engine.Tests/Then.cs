using LoomExchange.Messages.Orders;

namespace LoomExchange.Engine.Tests;

/// <summary>
/// Assertions that read as a transcript of what the book said: each event as one line naming its type,
/// ids, quantities and prices.
/// </summary>
internal static class Then
{
    public static void Events(IEnumerable<OrderEvent> events, params string[] expected) =>
        Assert.Equal(expected, events.Select(Describe));

    public static void Orders(BookFixture book, params string[] expected) => Assert.Equal(expected, book.Orders());

    public static string Describe(OrderEvent e) => e.Type switch
    {
        EventType.Accepted => $"Accepted #{e.OrderId} {e.Side} {e.Quantity}@{e.Price}",
        EventType.Rejected => $"Rejected {e.RejectedCommand} {e.RejectReason}",
        EventType.Trade => $"Trade #{e.TradeId} {e.Quantity}@{e.Price} taker #{e.OrderId} leaves {e.LeavesQuantity} maker #{e.MakerOrderId} leaves {e.MakerLeavesQuantity}",
        EventType.Cancelled => $"Cancelled #{e.OrderId} {e.CancelReason} {e.Quantity}",
        EventType.Amended => $"Amended #{e.OrderId} {e.Quantity}->{e.LeavesQuantity}@{e.Price}",
        EventType.Expired => $"Expired #{e.OrderId} {e.Quantity}",
        _ => $"Unknown {e.Type}",
    };
}
