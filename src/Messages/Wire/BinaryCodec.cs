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

    /// <summary>The largest frame this protocol defines (a whole frame, length prefix included).</summary>
    public static int MaxDefinedFrameSize => throw new NotImplementedException();

    /// <summary>The whole frame size (length prefix included) of <paramref name="message"/>.</summary>
    public static int FrameSize(WireMessage message) => throw new NotImplementedException();

    /// <summary>Writes one whole frame, length prefix included, and returns its size. Throws if the message breaks the layout (e.g. a symbol over 32 characters) or the destination is too small.</summary>
    public static int Encode(WireMessage message, long sequence, Span<byte> destination) => throw new NotImplementedException();

    /// <summary>Encodes one whole frame into a new array.</summary>
    public static byte[] Encode(WireMessage message, long sequence) => throw new NotImplementedException();

    /// <summary>
    /// Decodes one whole frame (length prefix included, as cut by the framing stage). Never throws: any bad input gives a
    /// failed <see cref="DecodeResult"/> with a reason code. <paramref name="serverSide"/> accepts client-to-server types only;
    /// otherwise server-to-client types only.
    /// </summary>
    public static DecodeResult Decode(ReadOnlySpan<byte> frame, bool serverSide) => throw new NotImplementedException();
}
