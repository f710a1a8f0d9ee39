using LoomExchange.Messages.Orders;

namespace LoomExchange.Engine.Tests;

public sealed class CancelSpecs
{
    [Fact]
    public void Should_cancel_an_own_resting_order_with_its_fields_and_open_quantity()
    {
        var book = Given.Book();
        var id = book.Rest(Side.Buy, 100_00, 10, Given.Alice, TimeInForce.Gtd, postOnly: true, SelfTradePrevention.CancelOldest, Given.T0 + 1_000, clientOrderId: 40);
        book.Now = Given.T0 + 3;

        var events = book.Process(OrderCommand.Cancel(Given.Alice, id, book.Now, clientOrderId: 41));

        Assert.Equal(
            new OrderEvent
            {
                Type = EventType.Cancelled,
                Sequence = 2,
                Timestamp = Given.T0 + 3,
                OrderId = id,
                AccountId = Given.Alice,
                ClientOrderId = 40,
                Side = Side.Buy,
                OrderType = OrderType.Limit,
                TimeInForce = TimeInForce.Gtd,
                SelfTradePrevention = SelfTradePrevention.CancelOldest,
                PostOnly = true,
                Price = 100_00,
                Quantity = 10,
                LeavesQuantity = 0,
                ExpireAt = Given.T0 + 1_000,
                CancelReason = CancelReason.Requested,
            },
            Assert.Single(events));
        Assert.Equal(0, book.Book.OrderCount);
        Assert.False(book.Book.TryGetBest(Side.Buy, out _));
    }

    [Fact]
    public void Should_cancel_only_the_open_quantity_of_a_partly_filled_order()
    {
        var book = Given.Book();
        var id = book.Rest(Side.Sell, 100_00, 10, Given.Alice);
        book.Limit(Side.Buy, 100_00, 4, Given.Bob);

        var events = book.Cancel(Given.Alice, id);

        Then.Events(events, "Cancelled #1 Requested 6");
    }

    [Fact]
    public void Should_reject_cancelling_another_accounts_order_as_unknown_and_keep_it()
    {
        var book = Given.Book();
        var id = book.Rest(Side.Sell, 100_00, 10, Given.Alice);

        var events = book.Cancel(Given.Bob, id);

        Then.Events(events, "Rejected Cancel UnknownOrder");
        Assert.Equal(id, events[0].OrderId);
        Assert.Equal(Given.Bob, events[0].AccountId);
        Then.Orders(book, "Sell #1 10@10000");
    }

    [Fact]
    public void Should_reject_cancelling_an_order_that_does_not_exist()
    {
        var book = Given.Book();

        var events = book.Cancel(Given.Alice, 12345);

        Then.Events(events, "Rejected Cancel UnknownOrder");
        Assert.Equal(12345, events[0].OrderId);
    }

    [Fact]
    public void Should_reject_a_second_cancel_of_the_same_order()
    {
        var book = Given.Book();
        var id = book.Rest(Side.Sell, 100_00, 10, Given.Alice);
        book.Cancel(Given.Alice, id);

        var events = book.Cancel(Given.Alice, id);

        Then.Events(events, "Rejected Cancel UnknownOrder");
    }

    [Fact]
    public void Should_reject_cancelling_an_order_that_was_filled()
    {
        var book = Given.Book();
        var id = book.Rest(Side.Sell, 100_00, 10, Given.Alice);
        book.Limit(Side.Buy, 100_00, 10, Given.Bob);

        var events = book.Cancel(Given.Alice, id);

        Then.Events(events, "Rejected Cancel UnknownOrder");
    }

    [Fact]
    public void Should_keep_the_priority_of_the_other_orders_when_one_in_the_middle_is_cancelled()
    {
        var book = Given.Book();
        book.Rest(Side.Sell, 100_00, 1, Given.Bob);
        var middle = book.Rest(Side.Sell, 100_00, 2, Given.Alice);
        book.Rest(Side.Sell, 100_00, 3, Given.Carol);

        book.Cancel(Given.Alice, middle);

        Then.Orders(book, "Sell #1 1@10000", "Sell #3 3@10000");
        Assert.True(book.Book.TryGetBest(Side.Sell, out var best));
        Assert.Equal(new PriceLevelView(100_00, 4, 2), best);
        var events = book.Market(Side.Buy, 4, Given.Bob);
        Then.Events(
            events,
            "Accepted #4 Buy 4@0",
            "Trade #1 1@10000 taker #4 leaves 3 maker #1 leaves 0",
            "Trade #2 3@10000 taker #4 leaves 0 maker #3 leaves 0");
    }

    [Fact]
    public void Should_remove_the_price_level_when_its_last_order_is_cancelled()
    {
        var book = Given.Book();
        book.Rest(Side.Buy, 101_00, 1, Given.Bob);
        var id = book.Rest(Side.Buy, 100_00, 2, Given.Alice);
        book.Rest(Side.Buy, 99_00, 3, Given.Carol);

        book.Cancel(Given.Alice, id);

        var depth = new PriceLevelView[5];
        var count = book.Book.GetDepth(Side.Buy, depth);
        Assert.Equal([new PriceLevelView(101_00, 1, 1), new PriceLevelView(99_00, 3, 1)], depth[..count]);
    }
}
