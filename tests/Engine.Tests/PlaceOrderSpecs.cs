using LoomExchange.Messages.Orders;

namespace LoomExchange.Engine.Tests;

public sealed class PlaceOrderSpecs
{
    [Fact]
    public void Should_accept_a_limit_order_with_the_first_order_id_and_echo_its_fields()
    {
        var book = Given.Book();

        var events = book.Process(OrderCommand.Limit(
            Given.Alice, clientOrderId: 77, Side.Buy, price: 100_00, quantity: 10, Given.T0,
            TimeInForce.Gtc, postOnly: true, SelfTradePrevention.CancelOldest));

        Assert.Equal(
            new OrderEvent
            {
                Type = EventType.Accepted,
                Sequence = 1,
                Timestamp = Given.T0,
                OrderId = 1,
                AccountId = Given.Alice,
                ClientOrderId = 77,
                Side = Side.Buy,
                OrderType = OrderType.Limit,
                TimeInForce = TimeInForce.Gtc,
                SelfTradePrevention = SelfTradePrevention.CancelOldest,
                PostOnly = true,
                Price = 100_00,
                Quantity = 10,
                LeavesQuantity = 10,
            },
            Assert.Single(events));
    }

    [Fact]
    public void Should_rest_a_limit_order_that_does_not_cross()
    {
        var book = Given.Book();
        book.Rest(Side.Sell, 101_00, 5, Given.Bob);

        var id = book.Rest(Side.Buy, 100_00, 10, Given.Alice, stp: SelfTradePrevention.CancelBoth, clientOrderId: 9);

        Assert.True(book.Book.TryGetOrder(id, out var order));
        Assert.Equal(
            new BookOrder(id, Given.Alice, 9, Side.Buy, TimeInForce.Gtc, SelfTradePrevention.CancelBoth, PostOnly: false, 100_00, LeavesQuantity: 10, ExpireAt: 0),
            order);
        Assert.Equal(2, book.Book.OrderCount);
    }

    [Fact]
    public void Should_assign_order_ids_only_to_accepted_orders()
    {
        var book = Given.Book();

        var first = book.Limit(Side.Buy, 100_00, 10);
        var rejected = book.Limit(Side.Buy, 100_00, 0);
        var second = book.Limit(Side.Buy, 99_00, 10);

        Then.Events(first, "Accepted #1 Buy 10@10000");
        Then.Events(rejected, "Rejected Place InvalidQuantity");
        Assert.Equal(0, rejected[0].OrderId);
        Then.Events(second, "Accepted #2 Buy 10@9900");
    }

    [Fact]
    public void Should_report_price_zero_for_a_market_order()
    {
        var book = Given.Book();
        book.Rest(Side.Sell, 101_00, 5, Given.Bob);

        var events = book.Process(OrderCommand.Market(Given.Alice, 5, Side.Buy, 5, Given.T0) with { Price = 999_00 });

        Assert.Equal(EventType.Accepted, events[0].Type);
        Assert.Equal(OrderType.Market, events[0].OrderType);
        Assert.Equal(0, events[0].Price);
        Assert.Equal(5, events[0].Quantity);
        Assert.Equal(5, events[0].LeavesQuantity);
    }

    [Theory]
    [InlineData(TimeInForce.Gtc)]
    [InlineData(TimeInForce.Ioc)]
    [InlineData(TimeInForce.Fok)]
    public void Should_report_no_expiry_unless_the_order_is_good_till_date(TimeInForce tif)
    {
        var book = Given.Book();

        var events = book.Limit(Side.Buy, 100_00, 10, tif: tif, expireAt: Given.T0 + 1_000);

        Assert.Equal(EventType.Accepted, events[0].Type);
        Assert.Equal(0, events[0].ExpireAt);
    }

    [Fact]
    public void Should_report_the_expiry_of_a_good_till_date_order()
    {
        var book = Given.Book();

        var id = book.Rest(Side.Buy, 100_00, 10, tif: TimeInForce.Gtd, expireAt: Given.T0 + 1_000);

        Assert.True(book.Book.TryGetOrder(id, out var order));
        Assert.Equal(Given.T0 + 1_000, order.ExpireAt);
        Assert.Equal(TimeInForce.Gtd, order.TimeInForce);
    }

    [Fact]
    public void Should_give_every_event_the_next_sequence_number_and_the_command_timestamp()
    {
        var book = Given.Book();
        book.Rest(Side.Sell, 100_00, 5, Given.Bob);
        book.Rest(Side.Sell, 101_00, 5, Given.Bob);
        book.Now = Given.T0 + 42;

        var events = book.Limit(Side.Buy, 101_00, 20, tif: TimeInForce.Ioc);

        Assert.Equal([3L, 4L, 5L, 6L], events.Select(e => e.Sequence));
        Assert.All(events, e => Assert.Equal(Given.T0 + 42, e.Timestamp));
        Assert.Equal(6, book.Book.Sequence);
    }

    [Fact]
    public void Should_reject_with_the_commands_fields_and_change_nothing_but_the_sequence()
    {
        var book = Given.Book();
        book.Rest(Side.Sell, 101_00, 5, Given.Bob);
        var before = book.Book.Export();
        var command = OrderCommand.Limit(
            Given.Alice, 31, Side.Buy, 100_00, 0, Given.T0, TimeInForce.Gtd, postOnly: true, SelfTradePrevention.CancelNewest, expireAt: Given.T0 + 5);

        var events = book.Process(command);

        Assert.Equal(
            new OrderEvent
            {
                Type = EventType.Rejected,
                Sequence = 2,
                Timestamp = Given.T0,
                OrderId = 0,
                AccountId = Given.Alice,
                ClientOrderId = 31,
                Side = Side.Buy,
                OrderType = OrderType.Limit,
                TimeInForce = TimeInForce.Gtd,
                SelfTradePrevention = SelfTradePrevention.CancelNewest,
                PostOnly = true,
                Price = 100_00,
                Quantity = 0,
                ExpireAt = Given.T0 + 5,
                RejectedCommand = CommandType.Place,
                RejectReason = RejectReason.InvalidQuantity,
            },
            Assert.Single(events));
        Assert.True(book.Book.Export().ContentEquals(before with { Sequence = 2 }));
    }

    [Fact]
    public void Should_queue_a_new_order_at_the_tail_of_its_price_level()
    {
        var book = Given.Book();
        book.Rest(Side.Buy, 100_00, 10, Given.Alice);
        book.Rest(Side.Buy, 101_00, 10, Given.Bob);

        book.Rest(Side.Buy, 100_00, 7, Given.Carol);

        Then.Orders(book, "Buy #2 10@10100", "Buy #1 10@10000", "Buy #3 7@10000");
    }

    [Fact]
    public void Should_emit_nothing_when_time_advances_and_no_order_is_due()
    {
        var book = Given.Book();
        book.Rest(Side.Buy, 100_00, 10, tif: TimeInForce.Gtd, expireAt: Given.T0 + 100);

        var events = book.AdvanceTo(Given.T0 + 99);

        Assert.Empty(events);
        Assert.Equal(1, book.Book.Sequence);
        Assert.Equal(1, book.Book.OrderCount);
    }

    [Fact]
    public void Should_refuse_a_null_event_buffer()
    {
        var book = new OrderBook(Given.Spec());

        Assert.Throws<ArgumentNullException>(() => book.Process(OrderCommand.AdvanceTime(Given.T0), null!));
    }
}
