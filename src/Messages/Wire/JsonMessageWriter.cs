using System.Buffers;
using System.Text.Json;

namespace LoomExchange.Messages.Wire;

/// <summary>Writes the JSON form of a message: type and seq first, then every field in record order, defaults included.</summary>
internal static class JsonMessageWriter
{
    // One buffer and writer per thread, reset per message: a fresh Utf8JsonWriter and buffer cost kilobytes of garbage
    // per message, and the gateway writes every execution report of a WebSocket session through here.
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? _buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? _writer;

    public static byte[] Write(WireMessage message, long sequence)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        var schema = JsonSchemas.For(message.Type) ?? throw new ArgumentException($"message type {message.Type} has no JSON form", nameof(message));
        var slots = schema.Flatten(message);
        var buffer = _buffer ??= new ArrayBufferWriter<byte>(512);
        buffer.ResetWrittenCount();
        var writer = _writer ??= new Utf8JsonWriter(buffer);
        writer.Reset(buffer);
        writer.WriteStartObject();
        writer.WriteString("type"u8, JsonSchemas.MessageTypes.NameOf((long)schema.Type));
        writer.WriteNumber("seq"u8, sequence);
        for (var i = 0; i < schema.Fields.Length; i++)
        {
            WriteField(writer, schema.Fields[i], slots, i);
        }

        writer.WriteEndObject();
        writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteField(Utf8JsonWriter writer, JsonField field, JsonSlots slots, int index)
    {
        switch (field.Kind)
        {
            case JsonFieldKind.Int64:
            case JsonFieldKind.NonNegativeInt32:
                if (field.Kind == JsonFieldKind.NonNegativeInt32)
                {
                    ArgumentOutOfRangeException.ThrowIfNegative(slots.Long(index), field.Name);
                }

                writer.WriteNumber(field.EncodedName, slots.Long(index));
                break;
            case JsonFieldKind.Boolean:
                writer.WriteBoolean(field.EncodedName, slots.Bool(index));
                break;
            case JsonFieldKind.Enum:
                // A number the enum does not name (possible for order enums, which decoders pass through) stays a number.
                var name = field.EnumTable!.NameOf(slots.Long(index));
                if (name is null)
                {
                    writer.WriteNumber(field.EncodedName, slots.Long(index));
                }
                else
                {
                    writer.WriteString(field.EncodedName, name);
                }

                break;
            case JsonFieldKind.Identifier:
                FixedAscii.RequireIdentifier(slots.Text(index), field.Width, field.Name);
                writer.WriteString(field.EncodedName, slots.Text(index));
                break;
            default:
                writer.WriteString(field.EncodedName, FixedAscii.SanitizeFreeText(slots.Text(index), field.Width));
                break;
        }
    }
}
