using LoomExchange.Messages.Orders;

namespace LoomExchange.Engine.Tests;

public sealed class MassCancelSpecs
{
    [Fact]
    public void Should_cancel_bids_from_the_best_price_down_then_asks_from_the_best_price_up_oldest_first()
    {
        var book = Given.Book();
        book.Rest(Side.Buy, 99_00, 10, Given.Alice);  // #1
        book.Rest(Side.Buy, 99_00, 10, Given.Bob);    // #2
        book.Rest(Side.Buy, 99_00, 5, Given.Alice);   // #3
        book.Rest(Side.Buy, 97_00, 10, Given.Alice);  // #4
        book.Rest(Side.Buy, 98_00, 10, Given.Alice);  // #5
        book.Rest(Side.Sell, 103_00, 10, Given.Alice); // #6
        book.Rest(Side.Sell, 102_00, 10, Given.Alice); // #7
        book.Rest(Side.Sell, 102_00, 10, Given.Bob);   // #8
        book.Rest(Side.Sell, 101_00, 10, Given.Alice); // #9

        var events = book.MassCancel(Given.Alice);

        Then.Events(
            events,
            "Cancelled #1 MassCancel 10",
            "Cancelled #3 MassCancel 5",
            "Cancelled #5 MassCancel 10",
            "Cancelled #4 MassCancel 10",
            "Cancelled #9 MassCancel 10",
            "Cancelled #7 MassCancel 10",
            "Cancelled #6 MassCancel 10");
        Assert.Equal([10L, 11L, 12L, 13L, 14L, 15L, 16L], events.Select(e => e.Sequence));
        Then.Orders(book, "Buy #2 10@9900", "Sell #8 10@10200");
    }

    [Fact]
    public void Should_report_each_cancelled_orders_fields_and_open_quantity()
    {
        var book = Given.Book();
        var id = book.Rest(Side.Sell, 100_00, 10, Given.Alice, TimeInForce.Gtd, postOnly: true, expireAt: Given.T0 + 50, clientOrderId: 17);
        book.Limit(Side.Buy, 100_00, 3, Given.Bob);
        book.Now = Given.T0 + 9;

        var events = book.Process(OrderCommand.MassCancel(Given.Alice, book.Now, clientOrderId: 18));

        Assert.Equal(
            new OrderEvent
            {
                Type = EventType.Cancelled,
                Sequence = 4,
                Timestamp = Given.T0 + 9,
                OrderId = id,
                AccountId = Given.Alice,
                ClientOrderId = 17,
                Side = Side.Sell,
                OrderType = OrderType.Limit,
                TimeInForce = TimeInForce.Gtd,
                PostOnly = true,
                Price = 100_00,
                Quantity = 7,
                LeavesQuantity = 0,
                ExpireAt = Given.T0 + 50,
                CancelReason = CancelReason.MassCancel,
            },
            Assert.Single(events));
    }

    [Fact]
    public void Should_emit_nothing_when_the_account_has_no_resting_orders()
    {
        var book = Given.Book();
        book.Rest(Side.Buy, 99_00, 10, Given.Bob);

        var events = book.MassCancel(Given.Alice);

        Assert.Empty(events);
        Assert.Equal(1, book.Book.Sequence);
        Then.Orders(book, "Buy #1 10@9900");
    }

    [Fact]
    public void Should_empty_a_book_that_holds_only_the_accounts_orders()
    {
        var book = Given.Book();
        for (var i = 0; i < 20; i++)
        {
            book.Rest(Side.Buy, 90_00 + (i * 10), 1, Given.Alice);
            book.Rest(Side.Sell, 110_00 - (i * 10), 1, Given.Alice);
        }

        var events = book.MassCancel(Given.Alice);

        Assert.Equal(40, events.Length);
        Assert.All(events, e => Assert.Equal(CancelReason.MassCancel, e.CancelReason));
        Assert.Equal(
            Enumerable.Range(0, 20).Select(i => 90_00 + ((19 - i) * 10L)).Concat(Enumerable.Range(0, 20).Select(i => 110_00 - ((19 - i) * 10L))),
            events.Select(e => e.Price));
        Assert.Equal(0, book.Book.OrderCount);
        Assert.False(book.Book.TryGetBest(Side.Buy, out _));
        Assert.False(book.Book.TryGetBest(Side.Sell, out _));
    }

    [Fact]
    public void Should_cancel_every_order_of_levels_that_hold_only_the_accounts_orders()
    {
        var book = Given.Book();
        book.Rest(Side.Sell, 101_00, 1, Given.Alice); // #1
        book.Rest(Side.Sell, 101_00, 2, Given.Alice); // #2
        book.Rest(Side.Sell, 102_00, 3, Given.Alice); // #3
        book.Rest(Side.Sell, 102_00, 4, Given.Alice); // #4
        book.Rest(Side.Sell, 103_00, 5, Given.Bob);   // #5
        book.Rest(Side.Sell, 104_00, 6, Given.Alice); // #6

        var events = book.MassCancel(Given.Alice);

        Then.Events(
            events,
            "Cancelled #1 MassCancel 1",
            "Cancelled #2 MassCancel 2",
            "Cancelled #3 MassCancel 3",
            "Cancelled #4 MassCancel 4",
            "Cancelled #6 MassCancel 6");
        Then.Orders(book, "Sell #5 5@10300");
    }

    [Fact]
    public void Should_leave_the_book_working_for_other_accounts()
    {
        var book = Given.Book();
        book.Rest(Side.Sell, 100_00, 5, Given.Alice);
        book.Rest(Side.Sell, 101_00, 5, Given.Bob);
        book.MassCancel(Given.Alice);

        var events = book.Market(Side.Buy, 5, Given.Carol);

        Then.Events(events, "Accepted #3 Buy 5@0", "Trade #1 5@10100 taker #3 leaves 0 maker #2 leaves 0");
    }
}
