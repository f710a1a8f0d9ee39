using LoomExchange.Messages.Orders;

namespace LoomExchange.Engine.Tests;

/// <summary>
/// One specification per reject reason the engine produces, against <see cref="Given.StrictSpec"/>
/// (tick 5, lot 10, quantity 20..1000, notional 50,000.00, band 10% around 100.00).
/// </summary>
public sealed class RejectReasonSpecs
{
    /// <summary>Buys 20 at 100.00: passes every check of the strict spec.</summary>
    private static OrderCommand ValidOrder => OrderCommand.Limit(Given.Alice, 1, Side.Buy, 100_00, 20, Given.T0);

    private static OrderEvent[] Place(OrderCommand command) => Given.Book(Given.StrictSpec()).Process(command);

    [Fact]
    public void Should_accept_the_baseline_order_used_by_these_specifications()
    {
        Then.Events(Place(ValidOrder), "Accepted #1 Buy 20@10000");
    }

    [Theory]
    [InlineData((Side)0)]
    [InlineData((Side)3)]
    public void Should_reject_an_unknown_side_with_InvalidSide(Side side)
    {
        Then.Events(Place(ValidOrder with { Side = side }), "Rejected Place InvalidSide");
    }

    [Theory]
    [InlineData((OrderType)0)]
    [InlineData((OrderType)3)]
    public void Should_reject_an_unknown_order_type_with_InvalidOrderType(OrderType type)
    {
        Then.Events(Place(ValidOrder with { OrderType = type }), "Rejected Place InvalidOrderType");
    }

    [Theory]
    [InlineData(OrderType.Limit, (TimeInForce)0)]
    [InlineData(OrderType.Limit, (TimeInForce)5)]
    [InlineData(OrderType.Market, TimeInForce.Gtc)]
    [InlineData(OrderType.Market, TimeInForce.Gtd)]
    public void Should_reject_an_unknown_time_in_force_or_a_resting_market_order_with_InvalidTimeInForce(OrderType type, TimeInForce tif)
    {
        Then.Events(
            Place(ValidOrder with { OrderType = type, TimeInForce = tif, ExpireAt = Given.T0 + 1 }),
            "Rejected Place InvalidTimeInForce");
    }

    [Theory]
    [InlineData((SelfTradePrevention)4)]
    [InlineData((SelfTradePrevention)255)]
    public void Should_reject_an_unknown_self_trade_mode_with_InvalidSelfTradePrevention(SelfTradePrevention stp)
    {
        Then.Events(Place(ValidOrder with { SelfTradePrevention = stp }), "Rejected Place InvalidSelfTradePrevention");
    }

    [Fact]
    public void Should_reject_post_only_on_an_immediate_order_with_PostOnlyNotAllowed()
    {
        Then.Events(Place(ValidOrder with { TimeInForce = TimeInForce.Ioc, PostOnly = true }), "Rejected Place PostOnlyNotAllowed");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-10)]
    [InlineData(1_000_000_000_000_000_010)]
    [InlineData(long.MinValue)]
    public void Should_reject_a_quantity_that_is_not_positive_or_beyond_the_maximum_value_with_InvalidQuantity(long quantity)
    {
        Then.Events(Place(ValidOrder with { Quantity = quantity }), "Rejected Place InvalidQuantity");
    }

    [Theory]
    [InlineData(1_000_000_000_000_000_000, 1)]
    [InlineData(1, 1_000_000_000_000_000_000)]
    [InlineData(2_000_000_000_000_000, 1)]
    [InlineData(1, 2_000_000_000_000_000)]
    public void Should_accept_prices_and_quantities_up_to_10_pow_18(long price, long quantity)
    {
        var book = Given.Book();

        var events = book.Limit(Side.Buy, price, quantity, Given.Alice);

        Then.Events(events, $"Accepted #1 Buy {quantity}@{price}");
    }

    [Fact]
    public void Should_reject_a_quantity_off_the_lot_size_with_LotSizeViolation()
    {
        Then.Events(Place(ValidOrder with { Quantity = 25 }), "Rejected Place LotSizeViolation");
    }

    [Fact]
    public void Should_reject_a_quantity_above_the_instruments_maximum_with_QuantityAboveMaximum()
    {
        Then.Events(Place(ValidOrder with { Quantity = 1_010 }), "Rejected Place QuantityAboveMaximum");
    }

    [Fact]
    public void Should_reject_a_quantity_below_the_instruments_minimum_with_QuantityBelowMinimum()
    {
        Then.Events(Place(ValidOrder with { Quantity = 10 }), "Rejected Place QuantityBelowMinimum");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(1_000_000_000_000_000_005)]
    public void Should_reject_a_limit_price_that_is_not_positive_or_beyond_the_maximum_value_with_InvalidPrice(long price)
    {
        Then.Events(Place(ValidOrder with { Price = price }), "Rejected Place InvalidPrice");
    }

    [Fact]
    public void Should_reject_a_price_off_the_tick_size_with_TickSizeViolation()
    {
        Then.Events(Place(ValidOrder with { Price = 100_01 }), "Rejected Place TickSizeViolation");
    }

    [Fact]
    public void Should_reject_price_times_quantity_above_the_maximum_notional_with_NotionalAboveMaximum()
    {
        Then.Events(Place(ValidOrder with { Quantity = 510 }), "Rejected Place NotionalAboveMaximum");
    }

    [Theory]
    [InlineData(111_00)]
    [InlineData(89_00)]
    public void Should_reject_a_price_outside_the_band_around_the_specs_reference_price_before_the_first_trade(long price)
    {
        Then.Events(Place(ValidOrder with { Price = price }), "Rejected Place PriceOutsideBand");
    }

    [Fact]
    public void Should_reject_a_price_outside_the_band_around_the_last_trade_price_after_a_trade()
    {
        var book = Given.Book(Given.StrictSpec());
        Then.Events(book.Limit(Side.Buy, 98_00, 20, Given.Alice), "Accepted #1 Buy 20@9800");
        Then.Events(book.Limit(Side.Sell, 121_00, 20, Given.Alice), "Rejected Place PriceOutsideBand");
        book.Rest(Side.Sell, 110_00, 20, Given.Bob);
        book.Limit(Side.Buy, 110_00, 20, Given.Carol);

        var nowOutside = book.Limit(Side.Buy, 98_00, 20, Given.Alice);
        var nowInside = book.Limit(Side.Sell, 121_00, 20, Given.Alice);

        Then.Events(nowOutside, "Rejected Place PriceOutsideBand");
        Then.Events(nowInside, "Accepted #4 Sell 20@12100");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Should_reject_a_good_till_date_order_without_expiry_with_MissingExpireTime(long expireAt)
    {
        Then.Events(Place(ValidOrder with { TimeInForce = TimeInForce.Gtd, ExpireAt = expireAt }), "Rejected Place MissingExpireTime");
    }

    [Theory]
    [InlineData(Given.T0)]
    [InlineData(Given.T0 - 1)]
    public void Should_reject_a_good_till_date_order_expiring_at_or_before_its_timestamp_with_ExpireTimeInPast(long expireAt)
    {
        Then.Events(Place(ValidOrder with { TimeInForce = TimeInForce.Gtd, ExpireAt = expireAt }), "Rejected Place ExpireTimeInPast");
    }

    [Fact]
    public void Should_reject_a_post_only_order_that_would_trade_with_PostOnlyWouldCross()
    {
        var book = Given.Book(Given.StrictSpec());
        book.Rest(Side.Sell, 100_00, 20, Given.Bob);

        Then.Events(book.Process(ValidOrder with { PostOnly = true }), "Rejected Place PostOnlyWouldCross");
    }

    [Fact]
    public void Should_reject_an_order_that_could_rest_in_a_full_book_with_BookFull()
    {
        var book = Given.Book(Given.StrictSpec(), new OrderBookOptions { MaxOrders = 2 });
        book.Rest(Side.Buy, 99_00, 20, Given.Alice);
        book.Rest(Side.Sell, 101_00, 20, Given.Bob);

        var gtc = book.Limit(Side.Buy, 98_00, 20, Given.Carol);
        var gtd = book.Limit(Side.Buy, 98_00, 20, Given.Carol, TimeInForce.Gtd, expireAt: Given.T0 + 10);
        var gtcThatWouldFill = book.Limit(Side.Buy, 101_00, 20, Given.Carol);

        Then.Events(gtc, "Rejected Place BookFull");
        Then.Events(gtd, "Rejected Place BookFull");
        Then.Events(gtcThatWouldFill, "Rejected Place BookFull");
    }

    [Fact]
    public void Should_still_accept_orders_that_cannot_rest_when_the_book_is_full()
    {
        var book = Given.Book(Given.StrictSpec(), new OrderBookOptions { MaxOrders = 2 });
        book.Rest(Side.Buy, 99_00, 20, Given.Alice);
        book.Rest(Side.Sell, 101_00, 40, Given.Bob);

        var ioc = book.Limit(Side.Buy, 101_00, 20, Given.Carol, TimeInForce.Ioc);
        var market = book.Market(Side.Buy, 20, Given.Carol);

        Then.Events(ioc, "Accepted #3 Buy 20@10100", "Trade #1 20@10100 taker #3 leaves 0 maker #2 leaves 20");
        Then.Events(market, "Accepted #4 Buy 20@0", "Trade #2 20@10100 taker #4 leaves 0 maker #2 leaves 0");
        Then.Events(book.Limit(Side.Sell, 102_00, 20, Given.Bob), "Accepted #5 Sell 20@10200");
    }

    [Fact]
    public void Should_report_a_post_only_cross_before_a_full_book()
    {
        var book = Given.Book(Given.StrictSpec(), new OrderBookOptions { MaxOrders = 1 });
        book.Rest(Side.Sell, 100_00, 20, Given.Bob);

        Then.Events(book.Process(ValidOrder with { PostOnly = true }), "Rejected Place PostOnlyWouldCross");
    }

    [Fact]
    public void Should_reject_cancel_and_amend_of_a_missing_order_with_UnknownOrder()
    {
        var book = Given.Book(Given.StrictSpec());
        book.Rest(Side.Buy, 99_00, 20, Given.Alice);

        Then.Events(book.Cancel(Given.Alice, 2), "Rejected Cancel UnknownOrder");
        Then.Events(book.Amend(Given.Alice, 2, 99_00, 30), "Rejected Amend UnknownOrder");
    }

    [Fact]
    public void Should_reject_cancel_and_amend_of_another_accounts_order_with_UnknownOrder()
    {
        var book = Given.Book(Given.StrictSpec());
        var id = book.Rest(Side.Buy, 99_00, 20, Given.Alice);

        Then.Events(book.Cancel(Given.Bob, id), "Rejected Cancel UnknownOrder");
        Then.Events(book.Amend(Given.Bob, id, 99_00, 30), "Rejected Amend UnknownOrder");
        Then.Orders(book, "Buy #1 20@9900");
    }

    [Fact]
    public void Should_reject_an_amend_to_the_same_price_and_quantity_with_AmendNoChange()
    {
        var book = Given.Book(Given.StrictSpec());
        var id = book.Rest(Side.Buy, 99_00, 20, Given.Alice);

        Then.Events(book.Amend(Given.Alice, id, 99_00, 20), "Rejected Amend AmendNoChange");
    }

    [Theory]
    [InlineData((CommandType)0)]
    [InlineData((CommandType)6)]
    [InlineData((CommandType)200)]
    public void Should_reject_an_unknown_command_type_with_InvalidCommand(CommandType type)
    {
        var book = Given.Book(Given.StrictSpec());

        var events = book.Process(ValidOrder with { Type = type });

        var rejected = Assert.Single(events);
        Assert.Equal(RejectReason.InvalidCommand, rejected.RejectReason);
        Assert.Equal(type, rejected.RejectedCommand);
        Assert.Equal(0, book.Book.OrderCount);
    }

    [Fact]
    public void Should_report_only_the_first_failing_check_in_the_documented_order()
    {
        (OrderCommand Command, RejectReason Expected)[] cases =
        [
            (ValidOrder with { Side = 0, OrderType = 0 }, RejectReason.InvalidSide),
            (ValidOrder with { OrderType = 0, TimeInForce = 0 }, RejectReason.InvalidOrderType),
            (ValidOrder with { TimeInForce = 0, SelfTradePrevention = (SelfTradePrevention)9 }, RejectReason.InvalidTimeInForce),
            (ValidOrder with { OrderType = OrderType.Market, TimeInForce = TimeInForce.Gtc, PostOnly = true }, RejectReason.InvalidTimeInForce),
            (ValidOrder with { SelfTradePrevention = (SelfTradePrevention)9, PostOnly = true, TimeInForce = TimeInForce.Fok }, RejectReason.InvalidSelfTradePrevention),
            (ValidOrder with { PostOnly = true, TimeInForce = TimeInForce.Fok, Quantity = 0 }, RejectReason.PostOnlyNotAllowed),
            (ValidOrder with { Quantity = 0, Price = 0 }, RejectReason.InvalidQuantity),
            (ValidOrder with { Quantity = 15 }, RejectReason.LotSizeViolation),
            (ValidOrder with { Quantity = 1_010, Price = 0 }, RejectReason.QuantityAboveMaximum),
            (ValidOrder with { Quantity = 10, Price = 0 }, RejectReason.QuantityBelowMinimum),
            (ValidOrder with { Price = 0, TimeInForce = TimeInForce.Gtd }, RejectReason.InvalidPrice),
            (ValidOrder with { Price = 200_01, Quantity = 1_000 }, RejectReason.TickSizeViolation),
            (ValidOrder with { Price = 200_00, Quantity = 1_000 }, RejectReason.NotionalAboveMaximum),
            (ValidOrder with { Price = 200_00, TimeInForce = TimeInForce.Gtd }, RejectReason.PriceOutsideBand),
            (ValidOrder with { TimeInForce = TimeInForce.Gtd, ExpireAt = 0 }, RejectReason.MissingExpireTime),
        ];

        foreach (var (command, expected) in cases)
        {
            var rejected = Assert.Single(Place(command));
            Assert.Equal((command, expected), (command, rejected.RejectReason));
        }
    }

    [Fact]
    public void Should_run_the_book_checks_after_the_static_checks()
    {
        var book = Given.Book(Given.StrictSpec(), new OrderBookOptions { MaxOrders = 1 });
        book.Rest(Side.Sell, 100_00, 20, Given.Bob);

        Then.Events(book.Process(ValidOrder with { PostOnly = true, Price = 100_01 }), "Rejected Place TickSizeViolation");
        Then.Events(book.Process(ValidOrder with { Price = 99_00, Quantity = 10 }), "Rejected Place QuantityBelowMinimum");
    }

    [Fact]
    public void Should_skip_the_price_checks_for_market_orders()
    {
        var book = Given.Book(Given.StrictSpec());
        book.Rest(Side.Sell, 100_00, 20, Given.Bob);

        var events = book.Process(OrderCommand.Market(Given.Alice, 1, Side.Buy, 20, Given.T0) with { Price = -3 });

        Then.Events(events, "Accepted #2 Buy 20@0", "Trade #1 20@10000 taker #2 leaves 0 maker #1 leaves 0");
    }
}
