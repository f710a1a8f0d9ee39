using LoomExchange.Messages.Instruments;

namespace LoomExchange.Messages.Tests;

public sealed class InstrumentSpecSpecs
{
    private static InstrumentSpec Valid => new() { Symbol = "BTC-USD" };

    private static string Problem(InstrumentSpec spec) => Assert.Single(spec.Validate());

    [Fact]
    public void Should_find_no_problem_in_a_spec_with_the_defaults()
    {
        Assert.Empty(Valid.Validate());
        Assert.Equal(2, Valid.PriceDecimals);
        Assert.Equal(0, Valid.QuantityDecimals);
        Assert.Equal(1, Valid.TickSize);
        Assert.Equal(1, Valid.LotSize);
        Assert.Equal(1, Valid.MinQuantity);
        Assert.Equal(InstrumentSpec.MaxValue, Valid.MaxQuantity);
        Assert.Equal(0, Valid.MaxNotional);
        Assert.Equal(0, Valid.PriceBandBps);
        Assert.Equal(0, Valid.ReferencePrice);
    }

    [Fact]
    public void Should_find_no_problem_at_the_edges_of_every_range()
    {
        var spec = Valid with
        {
            Symbol = new string('S', 32),
            PriceDecimals = 12,
            QuantityDecimals = 12,
            TickSize = InstrumentSpec.MaxValue,
            LotSize = InstrumentSpec.MaxValue,
            MinQuantity = InstrumentSpec.MaxValue,
            MaxQuantity = InstrumentSpec.MaxValue,
            PriceBandBps = 1_000_000,
            ReferencePrice = InstrumentSpec.MaxValue,
        };

        Assert.Empty(spec.Validate());
        Assert.Empty((Valid with { PriceDecimals = 0, MinQuantity = 1, MaxQuantity = 1 }).Validate());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456")]
    public void Should_require_a_symbol_of_1_to_32_characters(string symbol)
    {
        Assert.Equal("symbol must be 1 to 32 characters", Problem(Valid with { Symbol = symbol }));
    }

    [Fact]
    public void Should_require_a_symbol()
    {
        Assert.Equal("symbol must be 1 to 32 characters", Problem(Valid with { Symbol = null! }));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(13)]
    public void Should_require_price_decimals_between_0_and_12(int decimals)
    {
        Assert.Equal($"price decimals {decimals} must be between 0 and 12", Problem(Valid with { PriceDecimals = decimals }));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(13)]
    public void Should_require_quantity_decimals_between_0_and_12(int decimals)
    {
        Assert.Equal($"quantity decimals {decimals} must be between 0 and 12", Problem(Valid with { QuantityDecimals = decimals }));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(InstrumentSpec.MaxValue + 1)]
    public void Should_require_a_positive_tick_size_no_larger_than_the_maximum_value(long tick)
    {
        Assert.Equal($"tick size {tick} must be between 1 and {InstrumentSpec.MaxValue}", Problem(Valid with { TickSize = tick }));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(InstrumentSpec.MaxValue + 1)]
    public void Should_require_a_positive_lot_size_no_larger_than_the_maximum_value(long lot)
    {
        Assert.Equal($"lot size {lot} must be between 1 and {InstrumentSpec.MaxValue}", Problem(Valid with { LotSize = lot }));
    }

    [Theory]
    [InlineData(0, 10)]
    [InlineData(-1, 10)]
    [InlineData(11, 10)]
    [InlineData(1, InstrumentSpec.MaxValue + 1)]
    public void Should_require_quantity_limits_with_a_positive_minimum_no_larger_than_the_maximum(long min, long max)
    {
        Assert.Equal(
            $"quantity limits {min}..{max} must satisfy 0 < min <= max <= {InstrumentSpec.MaxValue}",
            Problem(Valid with { MinQuantity = min, MaxQuantity = max }));
    }

    [Fact]
    public void Should_require_a_max_notional_that_is_not_negative()
    {
        Assert.Equal("max notional -1 must not be negative", Problem(Valid with { MaxNotional = -1 }));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1_000_001)]
    public void Should_require_a_price_band_between_0_and_1000000_bps(int bps)
    {
        Assert.Equal($"price band {bps} bps must be between 0 and 1,000,000", Problem(Valid with { PriceBandBps = bps }));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(InstrumentSpec.MaxValue + 1)]
    public void Should_require_a_reference_price_between_0_and_the_maximum_value(long price)
    {
        Assert.Equal($"reference price {price} must be between 0 and {InstrumentSpec.MaxValue}", Problem(Valid with { ReferencePrice = price }));
    }

    [Fact]
    public void Should_report_every_problem_at_once_in_field_order()
    {
        var spec = new InstrumentSpec { Symbol = "", PriceDecimals = 20, QuantityDecimals = -2, TickSize = 0, LotSize = 0, MinQuantity = 0, MaxNotional = -1, PriceBandBps = -1, ReferencePrice = -1 };

        var problems = spec.Validate();

        Assert.Equal(9, problems.Count);
        Assert.StartsWith("symbol", problems[0], StringComparison.Ordinal);
        Assert.StartsWith("reference price", problems[8], StringComparison.Ordinal);
    }

    [Fact]
    public void Should_allow_prices_and_quantities_up_to_10_pow_18()
    {
        const long tenPow18 = 1_000_000_000_000_000_000;

        Assert.Equal(tenPow18, InstrumentSpec.MaxValue);
        Assert.Empty((Valid with { MaxQuantity = tenPow18, ReferencePrice = tenPow18, TickSize = tenPow18 }).Validate());
    }

    [Fact]
    public void Should_format_prices_and_quantities_in_the_instruments_decimals()
    {
        var spec = Valid with { PriceDecimals = 2, QuantityDecimals = 3 };

        Assert.Equal("65000.50", spec.FormatPrice(6_500_050));
        Assert.Equal("1.250", spec.FormatQuantity(1_250));
    }
}
