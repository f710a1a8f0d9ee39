using LoomExchange.Messages.Wire;

namespace LoomExchange.Messages.Tests.Wire;

/// <summary>Every message type against its hand-written frame: the layout is pinned byte for byte.</summary>
public sealed class BinaryCodecFixtureSpecs
{
    [Theory]
    [MemberData(nameof(WireFixtures.Types), MemberType = typeof(WireFixtures))]
    public void Should_encode_each_message_type_to_its_documented_bytes(MessageType type)
    {
        var fixture = WireFixtures.Of(type);

        var frame = BinaryCodec.Encode(fixture.Message, fixture.Sequence);

        Assert.Equal(Convert.ToHexString(fixture.Frame), Convert.ToHexString(frame));
        Assert.Equal(frame.Length, BinaryCodec.FrameSize(fixture.Message));
    }

    [Theory]
    [MemberData(nameof(WireFixtures.Types), MemberType = typeof(WireFixtures))]
    public void Should_decode_each_documented_frame_on_the_side_that_receives_it(MessageType type)
    {
        var fixture = WireFixtures.Of(type);
        foreach (var serverSide in new[] { true, false })
        {
            var receives = serverSide ? fixture.SentByClient : fixture.SentByServer;
            if (!receives)
            {
                continue;
            }

            var result = BinaryCodec.Decode(fixture.Frame, serverSide);

            Assert.True(result.IsSuccess, result.ErrorText);
            Assert.Equal(fixture.Message, result.Message);
            Assert.Equal(fixture.Sequence, result.Sequence);
            Assert.Equal(ProtocolErrorCode.None, result.Error);
        }
    }

    [Theory]
    [MemberData(nameof(WireFixtures.Types), MemberType = typeof(WireFixtures))]
    public void Should_refuse_a_type_that_only_the_other_side_receives(MessageType type)
    {
        var fixture = WireFixtures.Of(type);
        if (fixture.SentByClient && fixture.SentByServer)
        {
            return;
        }

        var result = BinaryCodec.Decode(fixture.Frame, serverSide: fixture.SentByServer);

        Assert.False(result.IsSuccess);
        Assert.Equal(ProtocolErrorCode.UnknownMessageType, result.Error);
        Assert.Equal(fixture.Sequence, result.Sequence);
    }

    [Fact]
    public void Should_define_the_execution_report_as_the_largest_frame()
    {
        Assert.Equal(121, BinaryCodec.MaxDefinedFrameSize);
        foreach (var fixture in WireFixtures.All)
        {
            Assert.True(fixture.Frame.Length <= BinaryCodec.MaxDefinedFrameSize);
        }
    }

    [Fact]
    public void Should_cover_every_message_type_with_a_fixture()
    {
        foreach (var type in Enum.GetValues<MessageType>())
        {
            Assert.Contains(WireFixtures.All, f => f.Type == type);
        }
    }
}
