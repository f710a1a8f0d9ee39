using LoomExchange.Messages.Orders;
using LoomExchange.Messages.Wire;

namespace LoomExchange.Messages.Tests.Wire;

/// <summary>What the encoder refuses (identifiers that break the layout) and what it repairs (free text).</summary>
public sealed class BinaryCodecEncodeSpecs
{
    private static NewOrder Order(string symbol) =>
        new(1, symbol, Side.Buy, OrderType.Limit, TimeInForce.Gtc, SelfTradePrevention.None, false, 100, 1, 0);

    [Fact]
    public void Should_refuse_a_symbol_over_32_characters()
    {
        Assert.Throws<ArgumentException>(() => BinaryCodec.Encode(Order(new string('A', 33)), 1));
        Assert.Equal(BinaryCodec.FrameSize(Order("A")), BinaryCodec.Encode(Order(new string('A', 32)), 1).Length);
    }

    [Theory]
    [InlineData("BTC\u00e9USD")]
    [InlineData("BTC\0USD")]
    [InlineData("BTC\tUSD")]
    public void Should_refuse_a_symbol_that_is_not_printable_ascii(string symbol)
    {
        Assert.Throws<ArgumentException>(() => BinaryCodec.Encode(Order(symbol), 1));
    }

    [Fact]
    public void Should_refuse_credentials_over_their_width_without_repeating_the_secret()
    {
        var secret = new string('s', 65);

        Assert.Throws<ArgumentException>(() => BinaryCodec.Encode(new Logon(new string('k', 33), "x", 0, false), 1));
        var error = Assert.Throws<ArgumentException>(() => BinaryCodec.Encode(new Logon("k", secret, 0, false), 1));
        Assert.DoesNotContain(secret, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_truncate_free_text_to_64_bytes_and_replace_what_is_not_printable_ascii()
    {
        var text = "caf\u00e9\n" + new string('x', 100);
        var frame = BinaryCodec.Encode(new Logout(ProtocolErrorCode.SessionEnded, text), 1);

        var decoded = (Logout)BinaryCodec.Decode(frame, serverSide: false).Message!;

        Assert.Equal("caf??" + new string('x', 59), decoded.Text);
    }

    [Fact]
    public void Should_refuse_a_sequence_below_one()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BinaryCodec.Encode(new Heartbeat(0), 0));
    }

    [Fact]
    public void Should_refuse_a_negative_heartbeat_interval()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BinaryCodec.Encode(new LogonAck(1, 1, -1), 1));
    }

    [Fact]
    public void Should_refuse_a_destination_smaller_than_the_frame()
    {
        var message = new Heartbeat(0);

        Assert.Throws<ArgumentException>(() => BinaryCodec.Encode(message, 1, new byte[BinaryCodec.FrameSize(message) - 1]));
    }

    [Fact]
    public void Should_refuse_a_message_type_the_protocol_does_not_define()
    {
        Assert.Throws<ArgumentException>(() => BinaryCodec.Encode(new Stranger(), 1));
        Assert.Throws<ArgumentException>(() => JsonCodec.Encode(new Stranger(), 1));
    }

    private sealed record Stranger : WireMessage
    {
        public override MessageType Type => (MessageType)99;
    }
}
