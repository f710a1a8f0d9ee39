using LoomExchange.Cli.Instruments;
using LoomExchange.Cli.Orders;
using LoomExchange.Messages.Instruments;

namespace LoomExchange.Cli.Tests;

public sealed class UnitTextSpecs
{
    private static readonly InstrumentSpec Btc = DemoInstruments.All.Single(s => s.Symbol == "BTC-USD");

    [Theory]
    [InlineData("50000.25", 5_000_025)]
    [InlineData("50000", 5_000_000)]
    [InlineData("0.01", 1)]
    [InlineData("65000.5", 6_500_050)]
    public void Should_convert_a_decimal_price_to_units_of_the_instrument(string text, long units) =>
        Assert.Equal(units, UnitText.Price(text, Btc));

    [Theory]
    [InlineData("0.5", 500_000)]
    [InlineData("0.000001", 1)]
    [InlineData("2", 2_000_000)]
    public void Should_convert_a_decimal_quantity_with_the_quantity_decimals(string text, long units) =>
        Assert.Equal(units, UnitText.Quantity(text, Btc));

    [Theory]
    [InlineData("50000.255", "at most 2 decimals for BTC-USD")]
    [InlineData("abc", "not a decimal number")]
    [InlineData("1e5", "not a decimal number")]
    [InlineData("0", "must be positive")]
    [InlineData("-5", "must be positive")]
    public void Should_refuse_prices_that_do_not_fit_the_instrument(string text, string message)
    {
        var error = Assert.Throws<UsageException>(() => UnitText.Price(text, Btc));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_take_raw_units_as_given_without_a_spec()
    {
        Assert.Equal(5_000_025, UnitText.Price("5000025", spec: null));
        Assert.Throws<UsageException>(() => UnitText.Price("50000.25", spec: null));
    }

    [Fact]
    public void Should_format_units_back_to_decimal_text() =>
        Assert.Equal(("50000.25", "0.500000"), (UnitText.FormatPrice(5_000_025, Btc), UnitText.FormatQuantity(500_000, Btc)));

    [Theory]
    [InlineData("20s", 20_000)]
    [InlineData("500ms", 500)]
    [InlineData("2m", 120_000)]
    [InlineData("1h", 3_600_000)]
    [InlineData("1.5", 1_500)]
    public void Should_read_durations(string text, double milliseconds) =>
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), TimeText.Duration(text, "--duration"));

    [Fact]
    public void Should_read_expiry_times_in_three_forms()
    {
        var clock = new FixedClock(DateTimeOffset.FromUnixTimeMilliseconds(1_000_000));
        Assert.Equal(1_600_000, TimeText.ExpireAt("+10m", clock));
        Assert.Equal(1_767_225_600_000, TimeText.ExpireAt("2026-01-01T00:00:00Z", clock));
        Assert.Equal(42, TimeText.ExpireAt("42", clock));
        Assert.Throws<UsageException>(() => TimeText.ExpireAt("tomorrow", clock));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
