using System.Globalization;
using LoomExchange.Messages.Instruments;
using LoomExchange.Messages.Orders;

namespace LoomExchange.Engine.Tests;

public sealed class OrderRulesSpecs
{
    private static OrderCommand Buy(long price, long quantity) => OrderCommand.Limit(Given.Alice, 1, Side.Buy, price, quantity, Given.T0);

    [Fact]
    public void Should_refuse_an_invalid_instrument_with_every_problem_in_the_message()
    {
        var spec = Given.Spec("BAD") with { TickSize = 0, LotSize = -1 };

        var error = Assert.Throws<ArgumentException>(() => new OrderRules(spec));

        Assert.Equal("spec", error.ParamName);
        Assert.StartsWith("instrument BAD is invalid: tick size 0 must be between 1 and 1000000000000000000; lot size -1 must be between 1 and 1000000000000000000", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(nameof(InstrumentSpec.Symbol), "symbol must be 1 to 32 characters")]
    [InlineData(nameof(InstrumentSpec.PriceDecimals), "price decimals 13 must be between 0 and 12")]
    [InlineData(nameof(InstrumentSpec.QuantityDecimals), "quantity decimals -1 must be between 0 and 12")]
    [InlineData(nameof(InstrumentSpec.MinQuantity), "quantity limits 10..5 must satisfy 0 < min <= max <= {max}")]
    [InlineData(nameof(InstrumentSpec.MaxNotional), "max notional -1 must not be negative")]
    [InlineData(nameof(InstrumentSpec.PriceBandBps), "price band 1000001 bps must be between 0 and 1,000,000")]
    [InlineData(nameof(InstrumentSpec.ReferencePrice), "reference price -5 must be between 0 and {max}")]
    public void Should_refuse_to_build_a_book_for_an_invalid_instrument(string field, string problem)
    {
        var valid = Given.Spec("BAD");
        var spec = field switch
        {
            nameof(InstrumentSpec.Symbol) => valid with { Symbol = " " },
            nameof(InstrumentSpec.PriceDecimals) => valid with { PriceDecimals = 13 },
            nameof(InstrumentSpec.QuantityDecimals) => valid with { QuantityDecimals = -1 },
            nameof(InstrumentSpec.MinQuantity) => valid with { MinQuantity = 10, MaxQuantity = 5 },
            nameof(InstrumentSpec.MaxNotional) => valid with { MaxNotional = -1 },
            nameof(InstrumentSpec.PriceBandBps) => valid with { PriceBandBps = 1_000_001 },
            _ => valid with { ReferencePrice = -5 },
        };

        var error = Assert.Throws<ArgumentException>(() => new OrderBook(spec));

        var expected = problem.Replace("{max}", InstrumentSpec.MaxValue.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Contains($"is invalid: {expected}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_refuse_a_missing_instrument()
    {
        Assert.Throws<ArgumentNullException>(() => new OrderRules(null!));
        Assert.Throws<ArgumentNullException>(() => new OrderBook(null!));
    }

    [Fact]
    public void Should_expose_the_instrument_it_checks()
    {
        var spec = Given.StrictSpec();

        Assert.Same(spec, new OrderRules(spec).Spec);
    }

    [Fact]
    public void Should_pass_a_valid_order_with_no_reason()
    {
        var rules = new OrderRules(Given.StrictSpec());

        Assert.Equal(RejectReason.None, rules.CheckPlace(Buy(100_00, 20), referencePrice: 100_00));
    }

    [Theory]
    [InlineData(100_00, 10_000, RejectReason.None)]
    [InlineData(100_00, 10_001, RejectReason.NotionalAboveMaximum)]
    [InlineData(100_01, 10_000, RejectReason.NotionalAboveMaximum)]
    [InlineData(1_00, 1_000_000, RejectReason.None)]
    public void Should_scale_the_maximum_notional_by_the_quantity_decimals(long price, long quantity, RejectReason expected)
    {
        // 1,000.00 of notional with quantities in thousandths: 100.00 x 10.000 is exactly the limit.
        var rules = new OrderRules(Given.Spec() with { QuantityDecimals = 3, MaxNotional = 1_000_00 });

        Assert.Equal(expected, rules.CheckPlace(Buy(price, quantity), 0));
    }

    [Fact]
    public void Should_not_limit_the_notional_when_the_maximum_is_zero()
    {
        var rules = new OrderRules(Given.Spec());

        Assert.Equal(RejectReason.None, rules.CheckPlace(Buy(InstrumentSpec.MaxValue, InstrumentSpec.MaxValue), 0));
    }

    [Theory]
    [InlineData(110_00, RejectReason.None)]
    [InlineData(90_00, RejectReason.None)]
    [InlineData(110_05, RejectReason.PriceOutsideBand)]
    [InlineData(89_95, RejectReason.PriceOutsideBand)]
    public void Should_accept_a_price_exactly_on_the_band_edge_and_reject_one_tick_beyond(long price, RejectReason expected)
    {
        var rules = new OrderRules(Given.StrictSpec());

        Assert.Equal(expected, rules.CheckPlace(Buy(price, 20), referencePrice: 100_00));
    }

    [Fact]
    public void Should_apply_no_band_without_a_reference_price()
    {
        var rules = new OrderRules(Given.StrictSpec());

        Assert.Equal(RejectReason.None, rules.CheckPlace(Buy(1_000_00, 20), referencePrice: 0));
    }

    [Fact]
    public void Should_apply_no_band_when_the_instrument_has_none()
    {
        var rules = new OrderRules(Given.StrictSpec() with { PriceBandBps = 0 });

        Assert.Equal(RejectReason.None, rules.CheckPlace(Buy(1_000_00, 20), referencePrice: 100_00));
    }

    [Fact]
    public void Should_start_the_band_at_the_first_trade_when_the_instrument_has_no_reference_price()
    {
        var book = Given.Book(Given.StrictSpec() with { ReferencePrice = 0 });
        book.Rest(Side.Sell, 500_00, 20, Given.Bob);
        Then.Events(book.Limit(Side.Buy, 500_00, 20, Given.Alice), "Accepted #2 Buy 20@50000", "Trade #1 20@50000 taker #2 leaves 0 maker #1 leaves 0");

        var events = book.Limit(Side.Buy, 100_00, 20, Given.Alice);

        Then.Events(events, "Rejected Place PriceOutsideBand");
    }

    [Fact]
    public void Should_check_an_amend_without_the_minimum_and_with_the_band_only_for_a_new_price()
    {
        var rules = new OrderRules(Given.StrictSpec());
        var toTenAt150 = OrderCommand.Amend(Given.Alice, 1, 150_00, 10, Given.T0);

        Assert.Equal(RejectReason.None, rules.CheckAmend(currentPrice: 150_00, toTenAt150, referencePrice: 100_00));
        Assert.Equal(RejectReason.PriceOutsideBand, rules.CheckAmend(currentPrice: 100_00, toTenAt150, referencePrice: 100_00));
    }
}
