namespace LoomExchange.Messages.Wire;

/// <summary>
/// The JSON form of one message type: its properties in record order, how to build the record from their values
/// and how to take the values out of a record.
/// </summary>
internal sealed class JsonMessageSchema(
    MessageType type,
    JsonField[] fields,
    Func<JsonSlots, WireMessage> build,
    Action<WireMessage, JsonSlots> flatten)
{
    public MessageType Type { get; } = type;

    public JsonField[] Fields { get; } = fields;

    public WireMessage Build(JsonSlots slots) => build(slots);

    public JsonSlots Flatten(WireMessage message)
    {
        var slots = new JsonSlots(Fields.Length);
        flatten(message, slots);
        return slots;
    }
}
