using System.Text.Json;

namespace LoomExchange.Messages.Wire;

/// <summary>
/// The JSON form of the protocol for WebSocket text messages (docs/protocol.md): one object per message,
/// <c>{"type":"NewOrder","seq":7,...}</c>, field names in camelCase, enums by name, numbers as in the binary protocol.
/// </summary>
public static class JsonCodec
{
    /// <summary>UTF-8 JSON of one message with its sequence number.</summary>
    public static byte[] Encode(WireMessage message, long sequence) => JsonMessageWriter.Write(message, sequence);

    /// <summary>Decodes one UTF-8 JSON message. Never throws; <paramref name="serverSide"/> as in <see cref="BinaryCodec.Decode"/>.</summary>
    public static DecodeResult Decode(ReadOnlySpan<byte> utf8Json, bool serverSide)
    {
        try
        {
            return JsonMessageReader.Read(utf8Json, serverSide);
        }
        catch (JsonException e)
        {
            return DecodeResult.Fail(ProtocolErrorCode.MalformedFrame, $"invalid JSON: {e.Message}");
        }
        catch (InvalidOperationException e)
        {
            // Utf8JsonReader.GetString throws this for a string that is not valid UTF-16 once unescaped (a lone surrogate).
            return DecodeResult.Fail(ProtocolErrorCode.MalformedFrame, $"invalid JSON string: {e.Message}");
        }
    }
}
