using System.Buffers.Binary;
using LoomExchange.Messages.Orders;
using LoomExchange.Messages.Wire;

namespace LoomExchange.Messages.Tests.Wire;

/// <summary>Every way a frame can be wrong gives a failed result with its reason code; nothing throws.</summary>
public sealed class BinaryCodecDecodeFailureSpecs
{
    // Offsets in the NewOrder fixture (docs/protocol.md).
    private const int SymbolOffset = 20;
    private const int SideOffset = 52;
    private const int PostOnlyOffset = 56;

    // Offsets in the Logon fixture.
    private const int HeartbeatIntervalOffset = 108;
    private const int CancelOnDisconnectOffset = 112;

    private static byte[] NewOrderFrame => WireFixtures.Of(MessageType.NewOrder).Frame;

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(11)]
    public void Should_refuse_a_frame_shorter_than_the_header(int length)
    {
        var frame = NewOrderFrame[..length];
        if (length >= 2)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(frame, (ushort)(length - 2));
        }

        AssertFails(frame, ProtocolErrorCode.MalformedFrame, serverSide: true);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1)]
    [InlineData(-69)]
    public void Should_refuse_a_body_that_is_not_exactly_its_types_size(int delta)
    {
        var frame = Resize(NewOrderFrame, NewOrderFrame.Length + delta);

        var result = AssertFails(frame, ProtocolErrorCode.MalformedFrame, serverSide: true);
        Assert.Equal(5, result.Sequence);
    }

    [Fact]
    public void Should_refuse_a_frame_far_above_any_defined_size()
    {
        AssertFails(Resize(NewOrderFrame, 4000), ProtocolErrorCode.MalformedFrame, serverSide: true);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(-1)]
    [InlineData(1000)]
    public void Should_refuse_a_length_field_that_disagrees_with_the_frame(int delta)
    {
        var frame = NewOrderFrame;
        BinaryPrimitives.WriteUInt16LittleEndian(frame, (ushort)(frame.Length - 2 + delta));

        AssertFails(frame, ProtocolErrorCode.MalformedFrame, serverSide: true);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(255)]
    public void Should_refuse_an_unsupported_version(byte version)
    {
        var frame = NewOrderFrame;
        frame[2] = version;

        var result = AssertFails(frame, ProtocolErrorCode.UnsupportedVersion, serverSide: true);
        Assert.Equal(5, result.Sequence);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(15)]
    [InlineData(19)]
    [InlineData(24)]
    [InlineData(255)]
    public void Should_refuse_an_unknown_type_on_either_side(byte type)
    {
        var frame = NewOrderFrame;
        frame[3] = type;

        AssertFails(frame, ProtocolErrorCode.UnknownMessageType, serverSide: true);
        AssertFails(frame, ProtocolErrorCode.UnknownMessageType, serverSide: false);
    }

    [Fact]
    public void Should_refuse_a_server_message_sent_to_the_server_and_a_client_message_sent_to_the_client()
    {
        AssertFails(WireFixtures.Of(MessageType.ExecutionReport).Frame, ProtocolErrorCode.UnknownMessageType, serverSide: true);
        AssertFails(WireFixtures.Of(MessageType.LogonAck).Frame, ProtocolErrorCode.UnknownMessageType, serverSide: true);
        AssertFails(NewOrderFrame, ProtocolErrorCode.UnknownMessageType, serverSide: false);
        AssertFails(WireFixtures.Of(MessageType.Logon).Frame, ProtocolErrorCode.UnknownMessageType, serverSide: false);
    }

    [Theory]
    [InlineData(0x80)]
    [InlineData(0xFF)]
    [InlineData(0x1F)]
    [InlineData(0x7F)]
    [InlineData(0x0A)]
    public void Should_refuse_a_symbol_byte_that_is_not_printable_ascii(byte bad)
    {
        var frame = NewOrderFrame;
        frame[SymbolOffset + 3] = bad;

        AssertFails(frame, ProtocolErrorCode.MalformedFrame, serverSide: true);
    }

    [Fact]
    public void Should_refuse_anything_but_zero_after_the_padding_starts()
    {
        var frame = NewOrderFrame;
        frame[SymbolOffset + 8] = (byte)'X';

        AssertFails(frame, ProtocolErrorCode.MalformedFrame, serverSide: true);
    }

    [Fact]
    public void Should_refuse_a_leading_zero_followed_by_text()
    {
        var frame = NewOrderFrame;
        frame[SymbolOffset] = 0;

        AssertFails(frame, ProtocolErrorCode.MalformedFrame, serverSide: true);
    }

    [Fact]
    public void Should_refuse_bad_free_text()
    {
        var frame = WireFixtures.Of(MessageType.Logout).Frame;
        frame[14] = 0xC3;

        AssertFails(frame, ProtocolErrorCode.MalformedFrame, serverSide: true);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(255)]
    public void Should_refuse_a_boolean_other_than_zero_or_one(byte bad)
    {
        var order = NewOrderFrame;
        order[PostOnlyOffset] = bad;
        var logon = WireFixtures.Of(MessageType.Logon).Frame;
        logon[CancelOnDisconnectOffset] = bad;

        AssertFails(order, ProtocolErrorCode.MalformedFrame, serverSide: true);
        AssertFails(logon, ProtocolErrorCode.MalformedFrame, serverSide: true);
    }

    [Theory]
    [InlineData(0UL)]
    [InlineData(0x8000_0000_0000_0000UL)]
    [InlineData(ulong.MaxValue)]
    public void Should_refuse_a_sequence_below_one_or_above_the_signed_range(ulong sequence)
    {
        var frame = NewOrderFrame;
        BinaryPrimitives.WriteUInt64LittleEndian(frame.AsSpan(4), sequence);

        var result = AssertFails(frame, ProtocolErrorCode.MalformedFrame, serverSide: true);
        Assert.Equal(0, result.Sequence);
    }

    [Fact]
    public void Should_refuse_a_heartbeat_interval_above_the_int_range()
    {
        var frame = WireFixtures.Of(MessageType.Logon).Frame;
        BinaryPrimitives.WriteUInt32LittleEndian(frame.AsSpan(HeartbeatIntervalOffset), 0x8000_0000);

        AssertFails(frame, ProtocolErrorCode.MalformedFrame, serverSide: true);
    }

    [Fact]
    public void Should_pass_unknown_order_enum_values_through_for_the_static_checks_to_reject()
    {
        var frame = NewOrderFrame;
        frame[SideOffset] = 9;

        var result = BinaryCodec.Decode(frame, serverSide: true);

        Assert.True(result.IsSuccess, result.ErrorText);
        Assert.Equal((Side)9, ((NewOrder)result.Message!).Side);
    }

    private static DecodeResult AssertFails(byte[] frame, ProtocolErrorCode expected, bool serverSide)
    {
        var result = BinaryCodec.Decode(frame, serverSide);

        Assert.False(result.IsSuccess);
        Assert.Null(result.Message);
        Assert.Equal(expected, result.Error);
        Assert.False(string.IsNullOrEmpty(result.ErrorText));
        return result;
    }

    /// <summary>The frame cut or zero-extended to <paramref name="length"/> bytes, its length field kept consistent.</summary>
    private static byte[] Resize(byte[] frame, int length)
    {
        var resized = new byte[length];
        frame.AsSpan(0, Math.Min(length, frame.Length)).CopyTo(resized);
        BinaryPrimitives.WriteUInt16LittleEndian(resized, (ushort)(length - 2));
        return resized;
    }
}
