namespace LoomExchange.Messages.Wire;

/// <summary>
/// One message of the client protocol, binary (<see cref="BinaryCodec"/>) or JSON (<see cref="JsonCodec"/>).
/// Frame sequence numbers are not part of the message: the codecs read and write them beside it.
/// Prices and quantities are fixed-point longs in the instrument's units (see <c>docs/protocol.md</c>).
/// </summary>
public abstract record WireMessage
{
    public abstract MessageType Type { get; }
}
