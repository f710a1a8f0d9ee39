using LoomExchange.Messages.Instruments;
using LoomExchange.Messages.Orders;

namespace LoomExchange.Messages.Tests;

public sealed class RejectDescriptionSpecs
{
    private static readonly InstrumentSpec BtcUsd = new()
    {
        Symbol = "BTC-USD",
        PriceDecimals = 3,
        QuantityDecimals = 4,
        TickSize = 10,
        LotSize = 10,
        MinQuantity = 10,
        MaxQuantity = 1_000_000,
    };

    [Fact]
    public void Should_name_the_input_the_rule_and_the_symbol_for_a_tick_violation()
    {
        var command = OrderCommand.Limit(1, 1, Side.Buy, price: 100_005, quantity: 10, timestamp: 1);

        var text = RejectDescription.Describe(RejectReason.TickSizeViolation, command, BtcUsd);

        Assert.Equal("price 100.005 is not a multiple of tick size 0.010 for BTC-USD", text);
    }

    [Fact]
    public void Should_describe_every_reject_reason_without_falling_back_to_the_code()
    {
        var command = OrderCommand.Limit(1, 1, Side.Buy, price: 100_000, quantity: 10, timestamp: 1);

        foreach (var reason in Enum.GetValues<RejectReason>())
        {
            var text = RejectDescription.Describe(reason, command, BtcUsd);
            Assert.False(string.IsNullOrWhiteSpace(text));
            Assert.DoesNotContain("rejected (", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Should_describe_without_an_instrument_spec()
    {
        var command = OrderCommand.Limit(1, 1, Side.Buy, price: 100_005, quantity: 10, timestamp: 1);

        var text = RejectDescription.Describe(RejectReason.TickSizeViolation, command, spec: null);

        Assert.Contains("100005", text, StringComparison.Ordinal);
    }
}
