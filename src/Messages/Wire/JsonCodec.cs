namespace LoomExchange.Messages.Wire;

/// <summary>
/// The JSON form of the protocol for WebSocket text messages (docs/protocol.md): one object per message,
/// <c>{"type":"NewOrder","seq":7,...}</c>, field names in camelCase, enums by name, numbers as in the binary protocol.
/// </summary>
public static class JsonCodec
{
    /// <summary>UTF-8 JSON of one message with its sequence number.</summary>
    public static byte[] Encode(WireMessage message, long sequence) => throw new NotImplementedException();

    /// <summary>Decodes one UTF-8 JSON message. Never throws; <paramref name="serverSide"/> as in <see cref="BinaryCodec.Decode"/>.</summary>
    public static DecodeResult Decode(ReadOnlySpan<byte> utf8Json, bool serverSide) => throw new NotImplementedException();
}
