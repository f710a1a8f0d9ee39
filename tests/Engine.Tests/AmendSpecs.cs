using LoomExchange.Messages.Orders;

namespace LoomExchange.Engine.Tests;

public sealed class AmendSpecs
{
    [Fact]
    public void Should_keep_time_priority_when_quantity_is_reduced()
    {
        var book = Given.Book();
        var first = book.Rest(Side.Sell, 100_00, 10, Given.Alice);
        book.Rest(Side.Sell, 100_00, 10, Given.Bob);

        var events = book.Amend(Given.Alice, first, 100_00, 4);

        Then.Events(events, "Amended #1 10->4@10000");
        Then.Orders(book, "Sell #1 4@10000", "Sell #2 10@10000");
        Assert.True(book.Book.TryGetBest(Side.Sell, out var best));
        Assert.Equal(new PriceLevelView(100_00, 14, 2), best);
    }

    [Fact]
    public void Should_describe_the_amended_order_with_its_new_price_and_both_quantities()
    {
        var book = Given.Book();
        var id = book.Rest(Side.Buy, 100_00, 10, Given.Alice, TimeInForce.Gtd, stp: SelfTradePrevention.CancelBoth, expireAt: Given.T0 + 900, clientOrderId: 3);
        book.Now = Given.T0 + 5;

        var events = book.Process(OrderCommand.Amend(Given.Alice, id, 99_00, 12, book.Now, clientOrderId: 4));

        Assert.Equal(
            new OrderEvent
            {
                Type = EventType.Amended,
                Sequence = 2,
                Timestamp = Given.T0 + 5,
                OrderId = id,
                AccountId = Given.Alice,
                ClientOrderId = 3,
                Side = Side.Buy,
                OrderType = OrderType.Limit,
                TimeInForce = TimeInForce.Gtd,
                SelfTradePrevention = SelfTradePrevention.CancelBoth,
                Price = 99_00,
                Quantity = 10,
                LeavesQuantity = 12,
                ExpireAt = Given.T0 + 900,
            },
            Assert.Single(events));
    }

    [Fact]
    public void Should_lose_time_priority_when_quantity_is_increased()
    {
        var book = Given.Book();
        var first = book.Rest(Side.Sell, 100_00, 10, Given.Alice);
        book.Rest(Side.Sell, 100_00, 10, Given.Bob);

        var events = book.Amend(Given.Alice, first, 100_00, 11);

        Then.Events(events, "Amended #1 10->11@10000");
        Then.Orders(book, "Sell #2 10@10000", "Sell #1 11@10000");
    }

    [Fact]
    public void Should_move_to_the_tail_of_the_new_level_when_the_price_changes()
    {
        var book = Given.Book();
        var moving = book.Rest(Side.Buy, 100_00, 10, Given.Alice);
        book.Rest(Side.Buy, 99_00, 5, Given.Bob);
        book.Rest(Side.Buy, 99_00, 5, Given.Carol);

        var events = book.Amend(Given.Alice, moving, 99_00, 7);

        Then.Events(events, "Amended #1 10->7@9900");
        Then.Orders(book, "Buy #2 5@9900", "Buy #3 5@9900", "Buy #1 7@9900");
        Assert.True(book.Book.TryGetBest(Side.Buy, out var best));
        Assert.Equal(new PriceLevelView(99_00, 17, 3), best);
    }

    [Fact]
    public void Should_lose_time_priority_when_the_price_changes_and_returns()
    {
        var book = Given.Book();
        var first = book.Rest(Side.Buy, 100_00, 10, Given.Alice);
        book.Rest(Side.Buy, 100_00, 10, Given.Bob);
        book.Amend(Given.Alice, first, 101_00, 10);

        book.Amend(Given.Alice, first, 100_00, 10);

        Then.Orders(book, "Buy #2 10@10000", "Buy #1 10@10000");
    }

    [Fact]
    public void Should_match_as_a_taker_at_the_makers_price_when_the_new_price_crosses_and_rest_the_remainder()
    {
        var book = Given.Book();
        book.Rest(Side.Sell, 101_00, 3, Given.Bob);                              // #1
        book.Rest(Side.Sell, 102_00, 3, Given.Carol);                            // #2
        book.Rest(Side.Sell, 104_00, 3, Given.Carol);                            // #3
        var id = book.Rest(Side.Buy, 100_00, 10, Given.Alice, clientOrderId: 8); // #4
        book.Rest(Side.Buy, 100_00, 2, Given.Bob);                               // #5

        var events = book.Amend(Given.Alice, id, 103_00, 10);

        Then.Events(
            events,
            "Amended #4 10->10@10300",
            "Trade #1 3@10100 taker #4 leaves 7 maker #1 leaves 0",
            "Trade #2 3@10200 taker #4 leaves 4 maker #2 leaves 0");
        Assert.All(events[1..], trade =>
        {
            Assert.Equal(8, trade.ClientOrderId);
            Assert.Equal(Given.Alice, trade.AccountId);
            Assert.Equal(OrderType.Limit, trade.OrderType);
            Assert.Equal(TimeInForce.Gtc, trade.TimeInForce);
        });
        Then.Orders(book, "Buy #4 4@10300", "Buy #5 2@10000", "Sell #3 3@10400");
        Assert.Equal(102_00, book.Book.LastTradePrice);
    }

    [Fact]
    public void Should_leave_the_book_when_an_amend_fills_the_order_completely()
    {
        var book = Given.Book();
        book.Rest(Side.Buy, 100_00, 10, Given.Bob);
        var id = book.Rest(Side.Sell, 101_00, 4, Given.Alice);

        var events = book.Amend(Given.Alice, id, 100_00, 4);

        Then.Events(events, "Amended #2 4->4@10000", "Trade #1 4@10000 taker #2 leaves 0 maker #1 leaves 6");
        Assert.False(book.Book.TryGetOrder(id, out _));
        Then.Orders(book, "Buy #1 6@10000");
    }

    [Fact]
    public void Should_cancel_the_amended_order_when_its_cancel_newest_mode_meets_an_own_order()
    {
        var book = Given.Book();
        book.Rest(Side.Buy, 100_00, 10, Given.Alice);
        var id = book.Rest(Side.Sell, 101_00, 4, Given.Alice, stp: SelfTradePrevention.CancelNewest);

        var events = book.Amend(Given.Alice, id, 100_00, 4);

        Then.Events(events, "Amended #2 4->4@10000", "Cancelled #2 SelfTradePrevention 4");
        Assert.Equal(OrderType.Limit, events[1].OrderType);
        Assert.Equal(100_00, events[1].Price);
        Assert.False(book.Book.TryGetOrder(id, out _));
        Then.Orders(book, "Buy #1 10@10000");
    }

    [Fact]
    public void Should_cancel_both_orders_when_an_amend_with_cancel_both_meets_an_own_order()
    {
        var book = Given.Book();
        book.Rest(Side.Buy, 100_00, 10, Given.Alice);
        var id = book.Rest(Side.Sell, 101_00, 4, Given.Alice, stp: SelfTradePrevention.CancelBoth);

        var events = book.Amend(Given.Alice, id, 100_00, 4);

        Then.Events(events, "Amended #2 4->4@10000", "Cancelled #1 SelfTradePrevention 10", "Cancelled #2 SelfTradePrevention 4");
        Assert.Equal(0, book.Book.OrderCount);
    }

    [Fact]
    public void Should_cancel_own_resting_orders_and_rest_when_an_amend_with_cancel_oldest_meets_them()
    {
        var book = Given.Book();
        book.Rest(Side.Buy, 100_00, 10, Given.Alice);
        var id = book.Rest(Side.Sell, 101_00, 4, Given.Alice, stp: SelfTradePrevention.CancelOldest);

        var events = book.Amend(Given.Alice, id, 100_00, 4);

        Then.Events(events, "Amended #2 4->4@10000", "Cancelled #1 SelfTradePrevention 10");
        Then.Orders(book, "Sell #2 4@10000");
    }

    [Fact]
    public void Should_keep_the_id_client_order_id_time_in_force_and_expiry()
    {
        var book = Given.Book();
        var id = book.Rest(Side.Buy, 100_00, 10, Given.Alice, TimeInForce.Gtd, expireAt: Given.T0 + 100, clientOrderId: 55);

        book.Amend(Given.Alice, id, 98_00, 20);

        Assert.True(book.Book.TryGetOrder(id, out var order));
        Assert.Equal(
            new BookOrder(id, Given.Alice, 55, Side.Buy, TimeInForce.Gtd, SelfTradePrevention.None, false, 98_00, 20, Given.T0 + 100),
            order);
        Then.Events(book.AdvanceTo(Given.T0 + 100), "Expired #1 20");
    }

    [Fact]
    public void Should_reject_an_amend_that_changes_nothing()
    {
        var book = Given.Book();
        var id = book.Rest(Side.Buy, 100_00, 10, Given.Alice);

        var events = book.Amend(Given.Alice, id, 100_00, 10);

        Then.Events(events, "Rejected Amend AmendNoChange");
    }

    [Fact]
    public void Should_compare_the_new_quantity_with_the_open_quantity_of_a_partly_filled_order()
    {
        var book = Given.Book();
        var id = book.Rest(Side.Buy, 100_00, 10, Given.Alice);
        book.Rest(Side.Buy, 100_00, 10, Given.Carol);
        book.Limit(Side.Sell, 100_00, 4, Given.Bob);

        var unchanged = book.Amend(Given.Alice, id, 100_00, 6);
        var restored = book.Amend(Given.Alice, id, 100_00, 10);

        Then.Events(unchanged, "Rejected Amend AmendNoChange");
        Then.Events(restored, "Amended #1 6->10@10000");
        Then.Orders(book, "Buy #2 10@10000", "Buy #1 10@10000");
    }

    [Fact]
    public void Should_reject_amending_another_accounts_order_as_unknown()
    {
        var book = Given.Book();
        var id = book.Rest(Side.Buy, 100_00, 10, Given.Alice);

        var events = book.Amend(Given.Bob, id, 99_00, 10);

        Then.Events(events, "Rejected Amend UnknownOrder");
        Assert.Equal(id, events[0].OrderId);
        Then.Orders(book, "Buy #1 10@10000");
    }

    [Fact]
    public void Should_reject_amending_an_order_that_does_not_exist()
    {
        var book = Given.Book();

        var events = book.Amend(Given.Alice, 9, 99_00, 10);

        Then.Events(events, "Rejected Amend UnknownOrder");
    }

    [Fact]
    public void Should_look_up_the_order_before_checking_the_new_values()
    {
        var book = Given.Book();
        var id = book.Rest(Side.Buy, 100_00, 10, Given.Alice);

        var events = book.Amend(Given.Bob, id, 0, 0);

        Then.Events(events, "Rejected Amend UnknownOrder");
    }

    [Theory]
    [InlineData(100_00, 0, RejectReason.InvalidQuantity)]
    [InlineData(100_00, -10, RejectReason.InvalidQuantity)]
    [InlineData(100_00, 25, RejectReason.LotSizeViolation)]
    [InlineData(100_00, 1_010, RejectReason.QuantityAboveMaximum)]
    [InlineData(0, 50, RejectReason.InvalidPrice)]
    [InlineData(100_01, 50, RejectReason.TickSizeViolation)]
    [InlineData(100_00, 510, RejectReason.NotionalAboveMaximum)]
    [InlineData(111_00, 50, RejectReason.PriceOutsideBand)]
    [InlineData(100_01, 25, RejectReason.LotSizeViolation)]
    [InlineData(100_01, 510, RejectReason.TickSizeViolation)]
    public void Should_check_the_new_price_and_quantity_like_a_new_order(long price, long quantity, RejectReason reason)
    {
        var book = Given.Book(Given.StrictSpec());
        var id = book.Rest(Side.Buy, 100_00, 50, Given.Alice);

        var events = book.Amend(Given.Alice, id, price, quantity);

        var rejected = Assert.Single(events);
        Assert.Equal(EventType.Rejected, rejected.Type);
        Assert.Equal(CommandType.Amend, rejected.RejectedCommand);
        Assert.Equal(reason, rejected.RejectReason);
        Then.Orders(book, "Buy #1 50@10000");
    }

    [Fact]
    public void Should_allow_an_amend_below_the_minimum_quantity()
    {
        var book = Given.Book(Given.StrictSpec());
        var id = book.Rest(Side.Buy, 100_00, 50, Given.Alice);

        var events = book.Amend(Given.Alice, id, 100_00, 10);

        Then.Events(events, "Amended #1 50->10@10000");
    }

    [Fact]
    public void Should_check_the_price_band_only_when_the_price_changes()
    {
        var book = Given.Book(Given.StrictSpec());
        var id = book.Rest(Side.Buy, 95_00, 50, Given.Alice);
        book.Rest(Side.Sell, 110_00, 20, Given.Bob);
        book.Limit(Side.Buy, 110_00, 20, Given.Carol);
        Assert.Equal(110_00, book.Book.ReferencePrice);

        var sameOutsidePrice = book.Amend(Given.Alice, id, 95_00, 40);
        var newOutsidePrice = book.Amend(Given.Alice, id, 94_00, 40);
        var newInsidePrice = book.Amend(Given.Alice, id, 100_00, 40);

        Then.Events(sameOutsidePrice, "Amended #1 50->40@9500");
        Then.Events(newOutsidePrice, "Rejected Amend PriceOutsideBand");
        Then.Events(newInsidePrice, "Amended #1 40->40@10000");
    }

    [Fact]
    public void Should_check_the_notional_on_the_new_price_times_the_new_quantity()
    {
        var book = Given.Book(Given.StrictSpec());
        var id = book.Rest(Side.Buy, 100_00, 500, Given.Alice);

        var higherPrice = book.Amend(Given.Alice, id, 100_05, 500);
        var lowerPriceMoreQuantity = book.Amend(Given.Alice, id, 90_00, 550);

        Then.Events(higherPrice, "Rejected Amend NotionalAboveMaximum");
        Then.Events(lowerPriceMoreQuantity, "Amended #1 500->550@9000");
    }

    [Fact]
    public void Should_check_the_new_values_before_reporting_no_change_or_a_post_only_cross()
    {
        var book = Given.Book(Given.StrictSpec());
        book.Rest(Side.Sell, 101_00, 20, Given.Bob);
        var id = book.Rest(Side.Buy, 100_00, 20, Given.Alice, postOnly: true);

        var crossingOffTick = book.Amend(Given.Alice, id, 101_01, 20);
        var crossing = book.Amend(Given.Alice, id, 101_00, 20);

        Then.Events(crossingOffTick, "Rejected Amend TickSizeViolation");
        Then.Events(crossing, "Rejected Amend PostOnlyWouldCross");
    }
}
