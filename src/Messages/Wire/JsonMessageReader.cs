using System.Text.Json;

namespace LoomExchange.Messages.Wire;

/// <summary>
/// Reads the JSON form of a message in two passes over the same bytes: the first finds "type" and "seq" (which may
/// come anywhere in the object), the second reads the fields that type defines. Invalid JSON surfaces as a
/// <see cref="JsonException"/>, which <see cref="JsonCodec"/> turns into MalformedFrame.
/// </summary>
internal static class JsonMessageReader
{
    private static readonly JsonReaderOptions Options = new() { MaxDepth = 16 };

    public static DecodeResult Read(ReadOnlySpan<byte> json, bool serverSide)
    {
        var header = ReadHeader(json);
        if (header.Error is not null)
        {
            return header.Error.Value;
        }

        var type = header.Type;
        var schema = JsonSchemas.For(type);
        if (schema is null || !BinaryLayout.Accepts(type, serverSide))
        {
            var direction = serverSide ? "client-to-server" : "server-to-client";
            return DecodeResult.Fail(ProtocolErrorCode.UnknownMessageType, $"type {header.TypeText} is not a {direction} message type", header.Sequence);
        }

        return ReadFields(json, schema, header.Sequence);
    }

    private static Header ReadHeader(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, Options);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return Header.Fail("a message must be one JSON object");
        }

        string? typeText = null;
        long typeNumber = -1;
        long sequence = 0;
        var seenSequence = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("type"u8))
            {
                if (typeText is not null)
                {
                    return Header.Fail("duplicate property 'type'");
                }

                reader.Read();
                if (reader.TokenType == JsonTokenType.String)
                {
                    typeText = reader.GetString()!;
                    typeNumber = JsonSchemas.MessageTypes.TryParse(typeText, out var number) ? number : -1;
                }
                else if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var number))
                {
                    typeText = number.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    typeNumber = number is >= 0 and <= byte.MaxValue ? number : -1;
                }
                else
                {
                    return Header.Fail("property 'type' must be a message type name or number");
                }
            }
            else if (reader.ValueTextEquals("seq"u8))
            {
                if (seenSequence)
                {
                    return Header.Fail("duplicate property 'seq'");
                }

                seenSequence = true;
                reader.Read();
                if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt64(out sequence) || sequence < 1)
                {
                    return Header.Fail("property 'seq' must be an integer from 1");
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        // Anything after the object (a second value, garbage) makes Read throw; an empty remainder ends the input.
        if (reader.Read())
        {
            return Header.Fail("one JSON object per message");
        }

        if (typeText is null)
        {
            return Header.Fail("missing required property 'type'");
        }

        if (!seenSequence)
        {
            return Header.Fail("missing required property 'seq'");
        }

        return new Header((MessageType)(typeNumber < 0 ? 0 : typeNumber), typeText, sequence, null);
    }

    private static DecodeResult ReadFields(ReadOnlySpan<byte> json, JsonMessageSchema schema, long sequence)
    {
        var fields = schema.Fields;
        var slots = new JsonSlots(fields.Length);
        var present = 0;
        var reader = new Utf8JsonReader(json, Options);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("type"u8) || reader.ValueTextEquals("seq"u8))
            {
                reader.Read();
                continue;
            }

            var index = IndexOf(fields, ref reader);
            if (index < 0)
            {
                return Malformed($"unknown property '{reader.GetString()}' for {schema.Type}", sequence);
            }

            if ((present & (1 << index)) != 0)
            {
                return Malformed($"duplicate property '{fields[index].Name}'", sequence);
            }

            present |= 1 << index;
            reader.Read();
            var error = ReadValue(ref reader, fields[index], slots, index);
            if (error is not null)
            {
                return Malformed(error, sequence);
            }
        }

        for (var i = 0; i < fields.Length; i++)
        {
            if ((present & (1 << i)) != 0)
            {
                continue;
            }

            if (!fields[i].Optional)
            {
                return Malformed($"missing required property '{fields[i].Name}' for {schema.Type}", sequence);
            }

            slots.Set(i, fields[i].DefaultNumber);
        }

        return DecodeResult.Ok(schema.Build(slots), sequence);
    }

    private static int IndexOf(JsonField[] fields, ref Utf8JsonReader reader)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (reader.ValueTextEquals(fields[i].Utf8Name))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Reads the value the reader is on into the slot; returns what is wrong with it, or null.</summary>
    private static string? ReadValue(ref Utf8JsonReader reader, JsonField field, JsonSlots slots, int index)
    {
        switch (field.Kind)
        {
            case JsonFieldKind.Int64:
                if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt64(out var number))
                {
                    return $"property '{field.Name}' must be an integer";
                }

                slots.Set(index, number);
                return null;
            case JsonFieldKind.NonNegativeInt32:
                if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out var count) || count < 0)
                {
                    return $"property '{field.Name}' must be an integer from 0 to {int.MaxValue}";
                }

                slots.Set(index, count);
                return null;
            case JsonFieldKind.Boolean:
                if (reader.TokenType is not (JsonTokenType.True or JsonTokenType.False))
                {
                    return $"property '{field.Name}' must be true or false";
                }

                slots.Set(index, reader.TokenType == JsonTokenType.True);
                return null;
            case JsonFieldKind.Enum:
                return ReadEnum(ref reader, field, slots, index);
            default:
                if (reader.TokenType != JsonTokenType.String)
                {
                    return $"property '{field.Name}' must be a string";
                }

                var text = reader.GetString()!;
                if (!FixedAscii.IsValid(text, field.Width))
                {
                    return $"property '{field.Name}' must be printable ASCII of at most {field.Width} characters";
                }

                slots.Set(index, text);
                return null;
        }
    }

    private static string? ReadEnum(ref Utf8JsonReader reader, JsonField field, JsonSlots slots, int index)
    {
        var table = field.EnumTable!;
        long value;
        if (reader.TokenType == JsonTokenType.String)
        {
            var known = reader.ValueIsEscaped ? table.TryParse(reader.GetString()!, out value) : table.TryParse(reader.ValueSpan, out value);
            if (!known)
            {
                return $"property '{field.Name}': '{reader.GetString()}' is not a known name";
            }
        }
        else if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt64(out value) || value < 0 || value > table.MaxNumber)
        {
            return $"property '{field.Name}' must be a name or a number from 0 to {table.MaxNumber}";
        }

        slots.Set(index, value);
        return null;
    }

    private static DecodeResult Malformed(string text, long sequence) => DecodeResult.Fail(ProtocolErrorCode.MalformedFrame, text, sequence);

    private readonly record struct Header(MessageType Type, string TypeText, long Sequence, DecodeResult? Error)
    {
        public static Header Fail(string text) =>
            new(default, string.Empty, 0, DecodeResult.Fail(ProtocolErrorCode.MalformedFrame, text));
    }
}
