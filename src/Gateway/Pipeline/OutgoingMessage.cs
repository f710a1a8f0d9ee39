using LoomExchange.Messages.Wire;

namespace LoomExchange.Gateway.Pipeline;

/// <summary>A server message a stage produced (a protocol reply or a reject): sent in order with everything else.</summary>
internal sealed class OutgoingMessage(WireMessage message) : SessionElement
{
    public WireMessage Message { get; } = message;
}
