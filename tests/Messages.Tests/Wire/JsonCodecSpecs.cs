using System.Text;
using CsCheck;
using LoomExchange.Messages.Orders;
using LoomExchange.Messages.Wire;

namespace LoomExchange.Messages.Tests.Wire;

public sealed class JsonCodecSpecs
{
    private const string NewOrderJson =
        """{"type":"NewOrder","seq":5,"clientOrderId":7,"symbol":"BTC-USD","side":"Buy","orderType":"Limit","timeInForce":"Gtc","selfTradePrevention":"CancelNewest","postOnly":true,"price":5000025,"quantity":1500000,"expireAt":0}""";

    [Fact]
    public void Should_write_type_and_seq_first_then_every_field_in_record_order_with_enums_by_name()
    {
        var fixture = WireFixtures.Of(MessageType.NewOrder);

        Assert.Equal(NewOrderJson, Encoding.UTF8.GetString(JsonCodec.Encode(fixture.Message, fixture.Sequence)));
    }

    [Theory]
    [MemberData(nameof(WireFixtures.Types), MemberType = typeof(WireFixtures))]
    public void Should_decode_what_it_encodes_for_every_message_type(MessageType type)
    {
        var fixture = WireFixtures.Of(type);
        var json = JsonCodec.Encode(fixture.Message, fixture.Sequence);

        var result = JsonCodec.Decode(json, serverSide: fixture.SentByClient);

        Assert.True(result.IsSuccess, result.ErrorText);
        Assert.Equal(fixture.Message, result.Message);
        Assert.Equal(fixture.Sequence, result.Sequence);
    }

    [Fact]
    public void Should_decode_what_it_encodes_for_random_messages()
    {
        Gen.Select(WireGenerators.Messages, WireGenerators.Sequence).Sample((message, sequence) =>
        {
            var result = JsonCodec.Decode(JsonCodec.Encode(message, sequence), WireGenerators.ServerReceives(message));

            Assert.True(result.IsSuccess, result.ErrorText);
            Assert.Equal(message, result.Message);
            Assert.Equal(sequence, result.Sequence);
        });
    }

    [Fact]
    public void Should_write_an_enum_value_without_a_name_as_its_number()
    {
        var order = (NewOrder)WireFixtures.Of(MessageType.NewOrder).Message with { Side = (Side)9 };

        var json = Encoding.UTF8.GetString(JsonCodec.Encode(order, 1));

        Assert.Contains("\"side\":9,", json, StringComparison.Ordinal);
        Assert.Equal(order, JsonCodec.Decode(Encoding.UTF8.GetBytes(json), serverSide: true).Message);
    }

    [Fact]
    public void Should_fill_in_the_defaults_of_optional_fields()
    {
        var order = Decode("""{"type":"NewOrder","seq":1,"clientOrderId":1,"symbol":"BTC-USD","side":"Buy","orderType":"Limit","price":5000000,"quantity":1000000}""");
        var logon = Decode("""{"type":"Logon","seq":1,"apiKey":"demo-1","secret":"demo-secret-1"}""");
        var logout = Decode("""{"type":"Logout","seq":2,"reason":"None"}""");

        Assert.Equal(new NewOrder(1, "BTC-USD", Side.Buy, OrderType.Limit, TimeInForce.Gtc, SelfTradePrevention.None, false, 5_000_000, 1_000_000, 0), order);
        Assert.Equal(new Logon("demo-1", "demo-secret-1", 0, false), logon);
        Assert.Equal(new Logout(ProtocolErrorCode.None, string.Empty), logout);
    }

    [Fact]
    public void Should_read_enums_by_name_in_any_case_or_by_number()
    {
        var order = (NewOrder)Decode("""{"seq":1,"clientOrderId":1,"symbol":"ETH-USD","side":"sELL","orderType":2,"timeInForce":"ioc","price":0,"quantity":5,"type":"neworder"}""");
        var byNumber = Decode("""{"type":13,"seq":3,"clientOrderId":4,"symbol":"SOL-USD"}""");

        Assert.Equal(Side.Sell, order.Side);
        Assert.Equal(OrderType.Market, order.OrderType);
        Assert.Equal(TimeInForce.Ioc, order.TimeInForce);
        Assert.Equal(new MassCancel(4, "SOL-USD"), byNumber);
    }

    [Fact]
    public void Should_accept_escaped_property_names_and_whitespace()
    {
        var message = Decode(" {\n \"\\u0074ype\" : \"Heartbeat\" , \"seq\" : 9 , \"testRequestId\" : 3 }\r\n ");

        Assert.Equal(new Heartbeat(3), message);
    }

    [Fact]
    public void Should_read_an_enum_name_written_with_escapes()
    {
        var message = Decode("{\"type\":\"Logout\",\"seq\":2,\"reason\":\"\\u0049dleTimeout\"}");

        Assert.Equal(new Logout(ProtocolErrorCode.IdleTimeout, string.Empty), message);
    }

    [Theory]
    [InlineData("""{"type":"MassCancel","seq":1,"clientOrderId":1}""")]
    [InlineData("""{"type":"MassCancel","clientOrderId":1,"symbol":"BTC-USD"}""")]
    [InlineData("""{"seq":1,"clientOrderId":1,"symbol":"BTC-USD"}""")]
    [InlineData("""{"type":"Logon","seq":1,"apiKey":"demo-1"}""")]
    public void Should_refuse_a_message_missing_a_required_property(string json)
    {
        AssertFails(json, ProtocolErrorCode.MalformedFrame);
    }

    [Theory]
    [InlineData("""{"type":"MassCancel","seq":1,"clientOrderId":1,"symbol":"BTC-USD","price":1}""")]
    [InlineData("""{"type":"MassCancel","seq":1,"clientOrderId":1,"symbol":"BTC-USD","Symbol":"BTC-USD"}""")]
    [InlineData("""{"type":"Heartbeat","seq":1,"testRequestId":1,"extra":{"nested":[1,2]}}""")]
    public void Should_refuse_an_unknown_property(string json)
    {
        AssertFails(json, ProtocolErrorCode.MalformedFrame);
    }

    [Theory]
    [InlineData("""{"type":"MassCancel","seq":1,"clientOrderId":1,"clientOrderId":2,"symbol":"BTC-USD"}""")]
    [InlineData("""{"type":"MassCancel","seq":1,"seq":2,"clientOrderId":1,"symbol":"BTC-USD"}""")]
    [InlineData("""{"type":"MassCancel","type":"MassCancel","seq":1,"clientOrderId":1,"symbol":"BTC-USD"}""")]
    public void Should_refuse_a_duplicate_property(string json)
    {
        AssertFails(json, ProtocolErrorCode.MalformedFrame);
    }

    [Theory]
    [InlineData("""{"type":"NewOrder","seq":1,"clientOrderId":1,"symbol":"BTC-USD","side":"Buy","orderType":"Limit","price":"5000000","quantity":1}""")]
    [InlineData("""{"type":"NewOrder","seq":1,"clientOrderId":1,"symbol":"BTC-USD","side":"Buy","orderType":"Limit","price":50000.5,"quantity":1}""")]
    [InlineData("""{"type":"NewOrder","seq":1,"clientOrderId":1,"symbol":"BTC-USD","side":"Buy","orderType":"Limit","price":1e3,"quantity":1}""")]
    [InlineData("""{"type":"NewOrder","seq":1,"clientOrderId":1,"symbol":"BTC-USD","side":"Buy","orderType":"Limit","price":99999999999999999999,"quantity":1}""")]
    [InlineData("""{"type":"NewOrder","seq":1,"clientOrderId":1,"symbol":"BTC-USD","side":"Buy","orderType":"Limit","price":1,"quantity":1,"postOnly":1}""")]
    [InlineData("""{"type":"NewOrder","seq":1,"clientOrderId":1,"symbol":"BTC-USD","side":true,"orderType":"Limit","price":1,"quantity":1}""")]
    [InlineData("""{"type":"NewOrder","seq":1,"clientOrderId":1,"symbol":"BTC-USD","side":"Up","orderType":"Limit","price":1,"quantity":1}""")]
    [InlineData("""{"type":"NewOrder","seq":1,"clientOrderId":1,"symbol":"BTC-USD","side":256,"orderType":"Limit","price":1,"quantity":1}""")]
    [InlineData("""{"type":"NewOrder","seq":1,"clientOrderId":1,"symbol":"BTC-USD","side":-1,"orderType":"Limit","price":1,"quantity":1}""")]
    [InlineData("""{"type":"NewOrder","seq":1,"clientOrderId":1,"symbol":null,"side":"Buy","orderType":"Limit","price":1,"quantity":1}""")]
    [InlineData("""{"type":"MassCancel","seq":1,"clientOrderId":1,"symbol":["BTC-USD"]}""")]
    [InlineData("""{"type":"Logon","seq":1,"apiKey":"demo-1","secret":"s","heartbeatIntervalMs":-1}""")]
    [InlineData("""{"type":"Logon","seq":1,"apiKey":"demo-1","secret":"s","heartbeatIntervalMs":2147483648}""")]
    [InlineData("""{"type":"MassCancel","seq":"1","clientOrderId":1,"symbol":"BTC-USD"}""")]
    [InlineData("""{"type":"MassCancel","seq":1.0,"clientOrderId":1,"symbol":"BTC-USD"}""")]
    [InlineData("""{"type":true,"seq":1,"clientOrderId":1,"symbol":"BTC-USD"}""")]
    [InlineData("""{"type":{"name":"MassCancel"},"seq":1,"clientOrderId":1,"symbol":"BTC-USD"}""")]
    public void Should_refuse_a_value_of_the_wrong_type_or_out_of_range(string json)
    {
        AssertFails(json, ProtocolErrorCode.MalformedFrame);
    }

    [Theory]
    [InlineData("""{"type":"MassCancel","seq":1,"clientOrderId":1,"symbol":"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456"}""")]
    [InlineData("""{"type":"MassCancel","seq":1,"clientOrderId":1,"symbol":"BTC\u00e9USD"}""")]
    [InlineData("""{"type":"MassCancel","seq":1,"clientOrderId":1,"symbol":"BTC\u0000"}""")]
    [InlineData("""{"type":"MassCancel","seq":1,"clientOrderId":1,"symbol":"BTC\ud800"}""")]
    [InlineData("""{"type":"Logout","seq":1,"reason":0,"text":"tab\there"}""")]
    public void Should_refuse_text_that_breaks_the_binary_field_rules(string json)
    {
        AssertFails(json, ProtocolErrorCode.MalformedFrame);
    }

    [Theory]
    [InlineData("""{"type":"MassCancel","seq":0,"clientOrderId":1,"symbol":"BTC-USD"}""")]
    [InlineData("""{"type":"MassCancel","seq":-3,"clientOrderId":1,"symbol":"BTC-USD"}""")]
    public void Should_refuse_a_sequence_below_one(string json)
    {
        AssertFails(json, ProtocolErrorCode.MalformedFrame);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("null")]
    [InlineData("42")]
    [InlineData("\"NewOrder\"")]
    [InlineData("""[{"type":"Heartbeat","seq":1,"testRequestId":0}]""")]
    [InlineData("""{"type":"Heartbeat","seq":1,"testRequestId":0""")]
    [InlineData("""{"type":"Heartbeat","seq":1,"testRequestId":0,}""")]
    [InlineData("""{"type":"Heartbeat",/*c*/"seq":1,"testRequestId":0}""")]
    [InlineData("""{'type':'Heartbeat','seq':1,'testRequestId':0}""")]
    public void Should_refuse_anything_but_one_json_object(string json)
    {
        AssertFails(json, ProtocolErrorCode.MalformedFrame);
    }

    [Theory]
    [InlineData("""{"type":"Heartbeat","seq":1,"testRequestId":0} x""")]
    [InlineData("""{"type":"Heartbeat","seq":1,"testRequestId":0}{"type":"Heartbeat","seq":2,"testRequestId":0}""")]
    [InlineData("""{"type":"Heartbeat","seq":1,"testRequestId":0}}""")]
    public void Should_refuse_trailing_content(string json)
    {
        AssertFails(json, ProtocolErrorCode.MalformedFrame);
    }

    [Fact]
    public void Should_refuse_bytes_that_are_not_utf8()
    {
        byte[] json = [.. """{"type":"MassCancel","seq":1,"clientOrderId":1,"symbol":"BTC"""u8, 0xFF, .. "\"}"u8];

        var result = JsonCodec.Decode(json, serverSide: true);

        Assert.Equal(ProtocolErrorCode.MalformedFrame, result.Error);
    }

    [Theory]
    [InlineData("""{"type":"Order","seq":1}""", true)]
    [InlineData("""{"type":99,"seq":1}""", true)]
    [InlineData("""{"type":0,"seq":1}""", false)]
    [InlineData("""{"type":300,"seq":1}""", false)]
    [InlineData("""{"type":"ExecutionReport","seq":4}""", true)]
    [InlineData("""{"type":"LogonAck","seq":4}""", true)]
    [InlineData("""{"type":"NewOrder","seq":4}""", false)]
    [InlineData("""{"type":"Logon","seq":4}""", false)]
    public void Should_refuse_an_unknown_type_or_one_the_other_side_receives(string json, bool serverSide)
    {
        var result = JsonCodec.Decode(Encoding.UTF8.GetBytes(json), serverSide);

        Assert.Equal(ProtocolErrorCode.UnknownMessageType, result.Error);
        Assert.False(string.IsNullOrEmpty(result.ErrorText));
    }

    [Fact]
    public void Should_report_the_sequence_of_a_frame_it_could_read()
    {
        var result = JsonCodec.Decode("""{"type":"MassCancel","seq":12,"clientOrderId":1}"""u8, serverSide: true);

        Assert.Equal(12, result.Sequence);
    }

    [Fact]
    public void Should_refuse_to_encode_a_symbol_that_breaks_the_field_and_repair_free_text()
    {
        Assert.Throws<ArgumentException>(() => JsonCodec.Encode(new MassCancel(1, new string('A', 33)), 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => JsonCodec.Encode(new Heartbeat(0), 0));

        var json = JsonCodec.Encode(new ProtocolError(ProtocolErrorCode.InternalError, 1, "na\u00efve " + new string('x', 80)), 1);
        var decoded = (ProtocolError)JsonCodec.Decode(json, serverSide: false).Message!;

        Assert.Equal("na?ve " + new string('x', 58), decoded.Text);
    }

    private static WireMessage Decode(string json)
    {
        var result = JsonCodec.Decode(Encoding.UTF8.GetBytes(json), serverSide: true);
        Assert.True(result.IsSuccess, result.ErrorText);
        return result.Message!;
    }

    private static void AssertFails(string json, ProtocolErrorCode expected)
    {
        var result = JsonCodec.Decode(Encoding.UTF8.GetBytes(json), serverSide: true);

        Assert.False(result.IsSuccess);
        Assert.Equal(expected, result.Error);
        Assert.False(string.IsNullOrEmpty(result.ErrorText));
    }
}
