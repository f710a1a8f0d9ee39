using System.Buffers.Binary;
using LoomExchange.Messages.Orders;
using LoomExchange.Messages.Wire;
using Xunit.Abstractions;

namespace LoomExchange.Gateway.Tests;

/// <summary>Any frame the server cannot accept ends the session: ProtocolError with the code and the frame's sequence, Logout, close.</summary>
public sealed class MalformedFrameSpecs(ITestOutputHelper output) : GatewaySpec(output)
{
    public static TheoryData<string, ProtocolErrorCode> Cases => new()
    {
        { "version", ProtocolErrorCode.UnsupportedVersion },
        { "unknown-type", ProtocolErrorCode.UnknownMessageType },
        { "server-type", ProtocolErrorCode.UnknownMessageType },
        { "short-body", ProtocolErrorCode.MalformedFrame },
        { "long-body", ProtocolErrorCode.MalformedFrame },
        { "non-ascii-symbol", ProtocolErrorCode.MalformedFrame },
        { "text-after-padding", ProtocolErrorCode.MalformedFrame },
        { "bad-boolean", ProtocolErrorCode.MalformedFrame },
        { "shorter-than-header", ProtocolErrorCode.MalformedFrame },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Should_answer_a_malformed_frame_after_logon_with_a_protocol_error_logout_and_close(string defect, ProtocolErrorCode expected)
    {
        var (client, _) = await LogonAsync();
        await client.SendRawAsync(Corrupt(defect, sequence: 2));

        var error = await client.ExpectAsync<ProtocolError>();
        Assert.Equal(expected, error.Code);
        Assert.Equal(expected, (await client.ExpectAsync<Logout>()).Reason);
        await client.ExpectClosedAsync();
        Assert.Empty(OrdersInBook().Orders);
    }

    [Fact]
    public async Task Should_answer_a_malformed_first_frame_the_same_way()
    {
        var client = await ConnectAsync();
        await client.SendRawAsync(Corrupt("version", sequence: 1));

        Assert.Equal(ProtocolErrorCode.UnsupportedVersion, (await client.ExpectAsync<ProtocolError>()).Code);
        await client.ExpectAsync<Logout>();
        await client.ExpectClosedAsync();
    }

    [Fact]
    public async Task Should_refuse_a_frame_above_the_maximum_size_from_its_length_prefix_alone()
    {
        var (client, _) = await LogonAsync();

        // Only the prefix is sent: the server must not wait for the 2,000 bytes it announces.
        await client.SendRawAsync([0xD0, 0x07]);

        var error = await client.ExpectAsync<ProtocolError>();
        Assert.Equal(ProtocolErrorCode.FrameTooLarge, error.Code);
        Assert.Equal(ProtocolErrorCode.FrameTooLarge, (await client.ExpectAsync<Logout>()).Reason);
        await client.ExpectClosedAsync();
    }

    [Fact]
    public async Task Should_end_the_session_on_a_sequence_gap()
    {
        var (client, _) = await LogonAsync();
        await client.SendAsync(new TestRequest(1), sequence: 3);

        var error = await client.ExpectAsync<ProtocolError>();
        Assert.Equal((ProtocolErrorCode.SequenceGap, 3L), (error.Code, error.RefSequence));
        Assert.Equal(ProtocolErrorCode.SequenceGap, (await client.ExpectAsync<Logout>()).Reason);
        await client.ExpectClosedAsync();
    }

    [Fact]
    public async Task Should_end_the_session_on_a_repeated_sequence_number()
    {
        var (client, _) = await LogonAsync();
        await client.SendAsync(new TestRequest(1), sequence: 1);

        Assert.Equal(ProtocolErrorCode.SequenceGap, (await client.ExpectAsync<ProtocolError>()).Code);
        await client.ExpectAsync<Logout>();
        await client.ExpectClosedAsync();
    }

    [Fact]
    public async Task Should_read_frames_split_across_writes_and_several_frames_in_one_write()
    {
        var (client, _) = await LogonAsync();
        var frame = BinaryCodec.Encode(new TestRequest(41), 2);
        await client.SendRawAsync(frame[..5]);
        await client.SendRawAsync(frame[5..]);
        Assert.Equal(41, (await client.ExpectAsync<Heartbeat>()).TestRequestId);

        await client.SendRawAsync([.. BinaryCodec.Encode(new TestRequest(42), 3), .. BinaryCodec.Encode(new TestRequest(43), 4)]);
        Assert.Equal(42, (await client.ExpectAsync<Heartbeat>()).TestRequestId);
        Assert.Equal(43, (await client.ExpectAsync<Heartbeat>()).TestRequestId);
    }

    private static byte[] Corrupt(string defect, long sequence)
    {
        var order = new NewOrder(1, Symbol, Side.Buy, OrderType.Limit, TimeInForce.Gtc, SelfTradePrevention.None, false, 1000, 10, 0);
        var frame = BinaryCodec.Encode(order, sequence);
        const int Body = BinaryCodec.HeaderSize;
        switch (defect)
        {
            case "version":
                frame[2] = 9;
                return frame;
            case "unknown-type":
                frame[3] = 99;
                return frame;
            case "server-type":
                frame[3] = (byte)MessageType.ExecutionReport;
                return frame;
            case "short-body":
                return WithLength(frame[..^1]);
            case "long-body":
                return WithLength([.. frame, 0]);
            case "non-ascii-symbol":
                frame[Body + 8] = 0xC3;
                return frame;
            case "text-after-padding":
                frame[Body + 8 + 20] = (byte)'X';
                return frame;
            case "bad-boolean":
                frame[Body + 8 + 32 + 4] = 2;
                return frame;
            case "shorter-than-header":
                return WithLength(frame[..6]);
            default:
                throw new ArgumentOutOfRangeException(nameof(defect), defect, null);
        }
    }

    private static byte[] WithLength(byte[] frame)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(frame, (ushort)(frame.Length - 2));
        return frame;
    }
}
