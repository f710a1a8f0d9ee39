using LoomExchange.Messages.Instruments;

namespace LoomExchange.Messages.Tests;

public sealed class FixedPointSpecs
{
    private static readonly long[] Values =
    [
        0, 1, -1, 5, -5, 9, 10, 99, 100, 101, 12_345, -12_345, 6_500_050, -6_500_050,
        999_999_999_999, 1_000_000_000_000, 1_000_000_000_000_000_000, -1_000_000_000_000_000_000,
        long.MaxValue, long.MaxValue - 1, long.MinValue + 1,
    ];

    [Theory]
    [InlineData(6_500_050, 2, "65000.50")]
    [InlineData(0, 2, "0.00")]
    [InlineData(5, 2, "0.05")]
    [InlineData(-5, 2, "-0.05")]
    [InlineData(-6_500_050, 2, "-65000.50")]
    [InlineData(123, 0, "123")]
    [InlineData(-123, 0, "-123")]
    [InlineData(1, 12, "0.000000000001")]
    [InlineData(long.MaxValue, 18, "9.223372036854775807")]
    [InlineData(long.MaxValue, 0, "9223372036854775807")]
    [InlineData(long.MinValue, 2, "-92233720368547758.08")]
    [InlineData(long.MinValue, 0, "-9223372036854775808")]
    public void Should_format_a_fixed_point_value_with_exactly_its_decimals(long value, int decimals, string expected)
    {
        Assert.Equal(expected, FixedPoint.Format(value, decimals));
    }

    [Theory]
    [InlineData("65000.5", 2, 6_500_050)]
    [InlineData("65000.50", 2, 6_500_050)]
    [InlineData("65000", 2, 6_500_000)]
    [InlineData("0", 2, 0)]
    [InlineData("-0.05", 2, -5)]
    [InlineData("+7", 0, 7)]
    [InlineData("  12.3\t", 2, 1_230)]
    [InlineData("0.000000000001", 12, 1)]
    [InlineData("9223372036854775807", 0, long.MaxValue)]
    [InlineData("92233720368547758.07", 2, long.MaxValue)]
    [InlineData("-9223372036854775807", 0, -long.MaxValue)]
    [InlineData("007.10", 3, 7_100)]
    public void Should_parse_plain_decimal_text_into_units(string text, int decimals, long expected)
    {
        Assert.True(FixedPoint.TryParse(text, decimals, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("1.234", 2)]
    [InlineData("1.5", 0)]
    [InlineData("0.0000000000001", 12)]
    [InlineData("65000.500", 2)]
    public void Should_reject_more_decimals_than_the_scale_allows(string text, int decimals)
    {
        Assert.False(FixedPoint.TryParse(text, decimals, out var value));
        Assert.Equal(0, value);
    }

    [Theory]
    [InlineData("9223372036854775808", 0)]
    [InlineData("92233720368547758.08", 2)]
    [InlineData("92233720368547759", 2)]
    [InlineData("10000000000000000000000", 0)]
    [InlineData("-9223372036854775809", 0)]
    [InlineData("9223372036854775807", 1)]
    public void Should_reject_values_that_overflow(string text, int decimals)
    {
        Assert.False(FixedPoint.TryParse(text, decimals, out var value));
        Assert.Equal(0, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("-")]
    [InlineData("+")]
    [InlineData(".")]
    [InlineData("-.")]
    [InlineData("abc")]
    [InlineData("12a")]
    [InlineData("1.2.3")]
    [InlineData("1,000")]
    [InlineData("1 000")]
    [InlineData("1e5")]
    [InlineData("--1")]
    [InlineData("+-1")]
    [InlineData("1-")]
    [InlineData("0x10")]
    [InlineData("\u0661")]
    public void Should_reject_text_that_is_not_a_plain_number(string text)
    {
        Assert.False(FixedPoint.TryParse(text, 2, out var value));
        Assert.Equal(0, value);
    }

    [Fact]
    public void Should_round_trip_values_through_their_text_at_every_scale()
    {
        for (var decimals = 0; decimals <= 18; decimals++)
        {
            foreach (var value in Values)
            {
                var text = FixedPoint.Format(value, decimals);

                Assert.True(FixedPoint.TryParse(text, decimals, out var parsed), $"{value} at {decimals} decimals formatted as {text}");
                Assert.Equal((value, decimals, text), (parsed, decimals, text));
            }
        }
    }

    [Fact]
    public void Should_round_trip_canonical_text_through_its_value()
    {
        string[] texts = ["0.00", "0.05", "-0.05", "65000.50", "-65000.50", "1.00", "92233720368547758.07"];

        foreach (var text in texts)
        {
            Assert.True(FixedPoint.TryParse(text, 2, out var value));
            Assert.Equal(text, FixedPoint.Format(value, 2));
        }
    }

    [Fact]
    public void Should_round_trip_the_smallest_long()
    {
        Assert.True(FixedPoint.TryParse(FixedPoint.Format(long.MinValue, 2), 2, out var value));
        Assert.Equal(long.MinValue, value);
    }
}
