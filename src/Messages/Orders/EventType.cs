namespace LoomExchange.Messages.Orders;

/// <summary>The kind of an <see cref="OrderEvent"/>. Numeric values are part of the wire and journal format.</summary>
public enum EventType : byte
{
    Accepted = 1,
    Rejected = 2,
    Trade = 3,
    Cancelled = 4,
    Amended = 5,
    Expired = 6,
}
