using CsCheck;
using LoomExchange.Messages.Wire;

namespace LoomExchange.Messages.Tests.Wire;

public sealed class BinaryCodecRoundTripSpecs
{
    [Fact]
    public void Should_decode_what_it_encodes_for_random_messages_of_every_type()
    {
        Gen.Select(WireGenerators.Messages, WireGenerators.Sequence).Sample((message, sequence) =>
        {
            var frame = BinaryCodec.Encode(message, sequence);
            var result = BinaryCodec.Decode(frame, WireGenerators.ServerReceives(message));

            Assert.True(result.IsSuccess, result.ErrorText);
            Assert.Equal(message, result.Message);
            Assert.Equal(sequence, result.Sequence);
            Assert.Equal(BinaryCodec.FrameSize(message), frame.Length);
        });
    }

    [Fact]
    public void Should_reencode_a_decoded_frame_to_the_same_bytes()
    {
        Gen.Select(WireGenerators.Messages, WireGenerators.Sequence).Sample((message, sequence) =>
        {
            var frame = BinaryCodec.Encode(message, sequence);
            var result = BinaryCodec.Decode(frame, WireGenerators.ServerReceives(message));

            Assert.Equal(frame, BinaryCodec.Encode(result.Message!, result.Sequence));
        });
    }

    [Fact]
    public void Should_decode_heartbeat_test_request_and_logout_on_both_sides()
    {
        foreach (WireMessage message in new WireMessage[] { new Heartbeat(0), new TestRequest(9), new Logout(ProtocolErrorCode.None, "bye") })
        {
            var frame = BinaryCodec.Encode(message, 1);

            Assert.Equal(message, BinaryCodec.Decode(frame, serverSide: true).Message);
            Assert.Equal(message, BinaryCodec.Decode(frame, serverSide: false).Message);
        }
    }

    [Fact]
    public void Should_encode_into_a_larger_destination_and_return_the_frame_size()
    {
        var fixture = WireFixtures.Of(MessageType.NewOrder);
        var buffer = new byte[256];

        var written = BinaryCodec.Encode(fixture.Message, fixture.Sequence, buffer);

        Assert.Equal(fixture.Frame, buffer.AsSpan(0, written).ToArray());
        Assert.All(buffer.AsSpan(written).ToArray(), b => Assert.Equal(0, b));
    }

    [Fact]
    public void Should_share_one_symbol_string_between_decoded_orders()
    {
        var frame = WireFixtures.Of(MessageType.NewOrder).Frame;

        var first = (NewOrder)BinaryCodec.Decode(frame, serverSide: true).Message!;
        var second = (NewOrder)BinaryCodec.Decode(frame, serverSide: true).Message!;

        Assert.Same(first.Symbol, second.Symbol);
    }
}
