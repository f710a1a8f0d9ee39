using LoomExchange.Messages.Orders;
using LoomExchange.Messages.Wire;

namespace LoomExchange.Gateway.Pipeline;

/// <summary>
/// One order request of a logged-on session on its way to a book. The L3 stage fills <see cref="Command"/>; the routing
/// stage keeps the object as the pending entry of its correlation id, so a request costs one allocation here.
/// </summary>
internal sealed class ClientRequest(WireMessage message, long sequence, string symbol, long clientOrderId) : SessionElement
{
    public WireMessage Message { get; } = message;

    public long Sequence { get; } = sequence;

    public string Symbol { get; } = symbol;

    public long ClientOrderId { get; } = clientOrderId;

    public OrderCommand Command { get; set; }

    public long CorrelationId { get; set; }

    /// <summary>Environment.TickCount64 after which the request is answered ServiceUnavailable.</summary>
    public long Deadline { get; set; }

    /// <summary>Environment.TickCount64 after which the request, still unanswered, is sent to the book again.</summary>
    public long ResendAt { get; set; }

    /// <summary>
    /// Whether sending it twice is harmless: the book recognises a repeated client order id (0 means none) and answers
    /// the repeat with the original outcome; a status request changes nothing.
    /// </summary>
    public bool MaySendAgain => ClientOrderId != 0 || Message is OrderStatusRequest;
}
