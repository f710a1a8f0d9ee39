using LoomExchange.Actors.Protocol;
using LoomExchange.Messages.Orders;
using Xunit.Abstractions;

namespace LoomExchange.Actors.Tests;

/// <summary>A book answers for one resting order of the asking account, and for nothing else.</summary>
public sealed class OrderStatusSpecs(ITestOutputHelper output) : BookSpec(output)
{
    [Fact]
    public void Should_answer_with_the_resting_order_of_the_account_and_nothing_for_another_account_or_a_done_order()
    {
        var book = StartBook();
        var resting = Execute(book, Limit(7, 700, Side.Buy, 1000, 30));
        var filled = Execute(book, Limit(7, 701, Side.Sell, 2000, 10));
        Execute(book, Limit(8, 800, Side.Buy, 2000, 10));

        book.Tell(new GetOrderStatus(Symbol, 7, resting.OrderId, 41), TestActor);
        var found = ExpectMsg<OrderStatusResult>(Deadline);
        Assert.Equal(41, found.CorrelationId);
        Assert.NotNull(found.Order);
        Assert.Equal((resting.OrderId, 700L, Side.Buy, 1000L, 30L), (found.Order.Value.OrderId, found.Order.Value.ClientOrderId, found.Order.Value.Side, found.Order.Value.Price, found.Order.Value.LeavesQuantity));

        book.Tell(new GetOrderStatus(Symbol, 8, resting.OrderId, 42), TestActor);
        Assert.Null(ExpectMsg<OrderStatusResult>(Deadline).Order);

        book.Tell(new GetOrderStatus(Symbol, 7, filled.OrderId, 43), TestActor);
        Assert.Null(ExpectMsg<OrderStatusResult>(Deadline).Order);
    }
}
