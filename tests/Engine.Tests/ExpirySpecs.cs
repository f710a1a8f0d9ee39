using LoomExchange.Messages.Orders;

namespace LoomExchange.Engine.Tests;

public sealed class ExpirySpecs
{
    [Fact]
    public void Should_expire_a_good_till_date_order_when_a_command_reaches_its_expiry()
    {
        var book = Given.Book();
        var id = book.Rest(Side.Buy, 100_00, 10, Given.Alice, TimeInForce.Gtd, postOnly: true, SelfTradePrevention.CancelNewest, Given.T0 + 100, clientOrderId: 3);

        var events = book.AdvanceTo(Given.T0 + 100);

        Assert.Equal(
            new OrderEvent
            {
                Type = EventType.Expired,
                Sequence = 2,
                Timestamp = Given.T0 + 100,
                OrderId = id,
                AccountId = Given.Alice,
                ClientOrderId = 3,
                Side = Side.Buy,
                OrderType = OrderType.Limit,
                TimeInForce = TimeInForce.Gtd,
                SelfTradePrevention = SelfTradePrevention.CancelNewest,
                PostOnly = true,
                Price = 100_00,
                Quantity = 10,
                LeavesQuantity = 0,
                ExpireAt = Given.T0 + 100,
            },
            Assert.Single(events));
        Assert.Equal(0, book.Book.OrderCount);
    }

    [Fact]
    public void Should_not_expire_an_order_before_its_expiry()
    {
        var book = Given.Book();
        book.Rest(Side.Buy, 100_00, 10, Given.Alice, TimeInForce.Gtd, expireAt: Given.T0 + 100);

        var events = book.AdvanceTo(Given.T0 + 99);

        Assert.Empty(events);
        Assert.Equal(1, book.Book.OrderCount);
    }

    [Fact]
    public void Should_stamp_expiries_with_the_commands_timestamp_not_the_expiry()
    {
        var book = Given.Book();
        book.Rest(Side.Buy, 100_00, 10, Given.Alice, TimeInForce.Gtd, expireAt: Given.T0 + 100);

        var events = book.AdvanceTo(Given.T0 + 5_000);

        Assert.Equal(Given.T0 + 5_000, Assert.Single(events).Timestamp);
    }

    [Theory]
    [InlineData(CommandType.AdvanceTime, new[] { "Expired #1 10" })]
    [InlineData(CommandType.Place, new[] { "Expired #1 10", "Accepted #2 Sell 5@10000" })]
    [InlineData(CommandType.Cancel, new[] { "Expired #1 10", "Rejected Cancel UnknownOrder" })]
    [InlineData(CommandType.Amend, new[] { "Expired #1 10", "Rejected Amend UnknownOrder" })]
    [InlineData(CommandType.MassCancel, new[] { "Expired #1 10" })]
    [InlineData((CommandType)99, new[] { "Expired #1 10", "Rejected 99 InvalidCommand" })]
    public void Should_expire_due_orders_before_any_command_even_one_that_is_rejected(CommandType type, string[] expected)
    {
        var book = Given.Book();
        book.Rest(Side.Buy, 100_00, 10, Given.Alice, TimeInForce.Gtd, expireAt: Given.T0 + 100);
        var at = Given.T0 + 100;
        var command = type switch
        {
            CommandType.AdvanceTime => OrderCommand.AdvanceTime(at),
            CommandType.Place => OrderCommand.Limit(Given.Bob, 0, Side.Sell, 100_00, 5, at),
            CommandType.Cancel => OrderCommand.Cancel(Given.Alice, 1, at),
            CommandType.Amend => OrderCommand.Amend(Given.Alice, 1, 100_00, 5, at),
            CommandType.MassCancel => OrderCommand.MassCancel(Given.Alice, at),
            _ => new OrderCommand { Type = type, Timestamp = at, AccountId = Given.Alice },
        };

        var events = book.Process(command);

        Then.Events(events, expected);
    }

    [Fact]
    public void Should_expire_the_earliest_expiry_first_and_equal_expiries_by_lower_order_id()
    {
        var book = Given.Book();
        book.Rest(Side.Buy, 100_00, 1, Given.Alice, TimeInForce.Gtd, expireAt: Given.T0 + 30); // #1
        book.Rest(Side.Buy, 99_00, 2, Given.Bob, TimeInForce.Gtd, expireAt: Given.T0 + 10);    // #2
        book.Rest(Side.Sell, 105_00, 3, Given.Carol, TimeInForce.Gtd, expireAt: Given.T0 + 20); // #3
        book.Rest(Side.Sell, 106_00, 4, Given.Alice, TimeInForce.Gtd, expireAt: Given.T0 + 10); // #4
        book.Rest(Side.Buy, 98_00, 5, Given.Bob, TimeInForce.Gtd, expireAt: Given.T0 + 40);     // #5

        var events = book.AdvanceTo(Given.T0 + 30);

        Then.Events(events, "Expired #2 2", "Expired #4 4", "Expired #3 3", "Expired #1 1");
        Then.Orders(book, "Buy #5 5@9800");
    }

    [Fact]
    public void Should_expire_before_the_command_so_an_expired_order_cannot_trade()
    {
        var book = Given.Book();
        book.Rest(Side.Sell, 100_00, 10, Given.Bob, TimeInForce.Gtd, expireAt: Given.T0 + 100);
        book.Now = Given.T0 + 100;

        var events = book.Limit(Side.Buy, 100_00, 10, Given.Alice);

        Then.Events(events, "Expired #1 10", "Accepted #2 Buy 10@10000");
        Then.Orders(book, "Buy #2 10@10000");
    }

    [Fact]
    public void Should_expire_only_the_open_quantity_of_a_partly_filled_order()
    {
        var book = Given.Book();
        book.Rest(Side.Sell, 100_00, 10, Given.Bob, TimeInForce.Gtd, expireAt: Given.T0 + 100);
        book.Limit(Side.Buy, 100_00, 6, Given.Alice);

        var events = book.AdvanceTo(Given.T0 + 100);

        Then.Events(events, "Expired #1 4");
    }

    [Fact]
    public void Should_not_expire_an_order_that_already_left_the_book()
    {
        var book = Given.Book();
        var cancelled = book.Rest(Side.Buy, 100_00, 10, Given.Alice, TimeInForce.Gtd, expireAt: Given.T0 + 100);
        book.Rest(Side.Sell, 101_00, 10, Given.Alice, TimeInForce.Gtd, expireAt: Given.T0 + 100);
        book.Cancel(Given.Alice, cancelled);
        book.Limit(Side.Buy, 101_00, 10, Given.Bob);

        var events = book.AdvanceTo(Given.T0 + 1_000);

        Assert.Empty(events);
    }

    [Fact]
    public void Should_expire_once_only()
    {
        var book = Given.Book();
        book.Rest(Side.Buy, 100_00, 10, Given.Alice, TimeInForce.Gtd, expireAt: Given.T0 + 100);
        book.AdvanceTo(Given.T0 + 100);

        var events = book.AdvanceTo(Given.T0 + 200);

        Assert.Empty(events);
    }

    [Fact]
    public void Should_never_expire_a_good_till_cancelled_order()
    {
        var book = Given.Book();
        book.Rest(Side.Buy, 100_00, 10, Given.Alice, TimeInForce.Gtc, expireAt: Given.T0 + 100);

        var events = book.AdvanceTo(long.MaxValue);

        Assert.Empty(events);
        Assert.Equal(1, book.Book.OrderCount);
    }

    [Fact]
    public void Should_expire_an_amended_order_at_its_original_expiry()
    {
        var book = Given.Book();
        var id = book.Rest(Side.Buy, 100_00, 10, Given.Alice, TimeInForce.Gtd, expireAt: Given.T0 + 100);
        book.Rest(Side.Buy, 99_00, 10, Given.Bob, TimeInForce.Gtd, expireAt: Given.T0 + 200);
        book.Amend(Given.Alice, id, 99_00, 30);

        var events = book.AdvanceTo(Given.T0 + 150);

        Then.Events(events, "Expired #1 30");
        Then.Orders(book, "Buy #2 10@9900");
    }
}
