using LoomExchange.Messages.Wire;

namespace LoomExchange.Client;

/// <summary>
/// What the writer loop sends next: a request (kept until answered, so valid on any connection) or a session control
/// message (heartbeat, test request, logout) that belongs to connection <see cref="Generation"/> only.
/// </summary>
internal readonly record struct OutboundItem(SentRequest? Request, WireMessage? Control, int Generation)
{
    public static OutboundItem For(SentRequest request) => new(request, null, 0);

    public static OutboundItem ControlFor(WireMessage message, int generation) => new(null, message, generation);
}
