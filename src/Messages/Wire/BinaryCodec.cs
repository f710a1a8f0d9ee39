using System.Buffers.Binary;

namespace LoomExchange.Messages.Wire;

/// <summary>
/// The binary protocol (docs/protocol.md): little-endian frames <c>u16 length | u8 version | u8 type | u64 sequence | body</c>,
/// where length counts the bytes after the length field. Fixed layouts per type; text fields are fixed-width ASCII.
/// </summary>
public static class BinaryCodec
{
    public const byte Version = 1;

    /// <summary>Bytes of the length prefix.</summary>
    public const int LengthFieldSize = 2;

    /// <summary>Bytes from the start of a frame to its body: length, version, type, sequence.</summary>
    public const int HeaderSize = 12;

    /// <summary>Width of a symbol field: symbols are at most 32 ASCII characters (InstrumentSpec).</summary>
    public const int SymbolFieldSize = 32;

    private const int VersionOffset = 2;
    private const int TypeOffset = 3;
    private const int SequenceOffset = 4;

    /// <summary>The largest frame this protocol defines (a whole frame, length prefix included).</summary>
    public static int MaxDefinedFrameSize => HeaderSize + BinaryLayout.MaxBody;

    /// <summary>The whole frame size (length prefix included) of <paramref name="message"/>.</summary>
    public static int FrameSize(WireMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var body = BinaryLayout.BodySize(message.Type);
        if (body < 0)
        {
            throw new ArgumentException($"message type {message.Type} has no binary layout", nameof(message));
        }

        return HeaderSize + body;
    }

    /// <summary>Writes one whole frame, length prefix included, and returns its size. Throws if the message breaks the layout (e.g. a symbol over 32 characters) or the destination is too small.</summary>
    public static int Encode(WireMessage message, long sequence, Span<byte> destination)
    {
        var size = FrameSize(message);
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        if (destination.Length < size)
        {
            throw new ArgumentException($"a {message.Type} frame needs {size} bytes; the destination has {destination.Length}", nameof(destination));
        }

        var writer = new FrameWriter(destination[..size]);
        writer.U16((ushort)(size - LengthFieldSize));
        writer.U8(Version);
        writer.U8((byte)message.Type);
        writer.I64(sequence);
        BinaryBodyWriter.Write(message, ref writer);
        return writer.Position;
    }

    /// <summary>Encodes one whole frame into a new array.</summary>
    public static byte[] Encode(WireMessage message, long sequence)
    {
        var frame = new byte[FrameSize(message)];
        Encode(message, sequence, frame);
        return frame;
    }

    /// <summary>
    /// Decodes one whole frame (length prefix included, as cut by the framing stage). Never throws: any bad input gives a
    /// failed <see cref="DecodeResult"/> with a reason code. <paramref name="serverSide"/> accepts client-to-server types only;
    /// otherwise server-to-client types only.
    /// </summary>
    public static DecodeResult Decode(ReadOnlySpan<byte> frame, bool serverSide)
    {
        if (frame.Length < HeaderSize)
        {
            return DecodeResult.Fail(ProtocolErrorCode.MalformedFrame, $"frame of {frame.Length} bytes is shorter than the {HeaderSize}-byte header");
        }

        var length = BinaryPrimitives.ReadUInt16LittleEndian(frame);
        if (length != frame.Length - LengthFieldSize)
        {
            return DecodeResult.Fail(
                ProtocolErrorCode.MalformedFrame,
                $"length field says {length} bytes follow it, the frame has {frame.Length - LengthFieldSize}");
        }

        // A sequence above long.MaxValue reads as negative and fails the check below like 0 does.
        var sequence = BinaryPrimitives.ReadInt64LittleEndian(frame[SequenceOffset..]);
        var knownSequence = sequence >= 1 ? sequence : 0;
        var version = frame[VersionOffset];
        if (version != Version)
        {
            return DecodeResult.Fail(ProtocolErrorCode.UnsupportedVersion, $"protocol version {version} is not supported; this server speaks {Version}", knownSequence);
        }

        var type = (MessageType)frame[TypeOffset];
        var bodySize = BinaryLayout.BodySize(type);
        if (bodySize < 0 || !BinaryLayout.Accepts(type, serverSide))
        {
            var direction = serverSide ? "client-to-server" : "server-to-client";
            return DecodeResult.Fail(ProtocolErrorCode.UnknownMessageType, $"type {frame[TypeOffset]} is not a {direction} message type", knownSequence);
        }

        if (sequence < 1)
        {
            return DecodeResult.Fail(ProtocolErrorCode.MalformedFrame, $"sequence {(ulong)sequence} is invalid; sequences start at 1");
        }

        if (frame.Length != HeaderSize + bodySize)
        {
            return DecodeResult.Fail(
                ProtocolErrorCode.MalformedFrame,
                $"a {type} body is {bodySize} bytes, this one is {frame.Length - HeaderSize}",
                sequence);
        }

        var reader = new FrameReader(frame, HeaderSize);
        var message = BinaryBodyReader.Read(type, ref reader);
        return reader.Error is null
            ? DecodeResult.Ok(message, sequence)
            : DecodeResult.Fail(ProtocolErrorCode.MalformedFrame, $"{type}: {reader.Error}", sequence);
    }
}
