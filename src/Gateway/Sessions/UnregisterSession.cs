using Akka.Actor;

namespace LoomExchange.Gateway.Sessions;

/// <summary>A session ended.</summary>
internal sealed record UnregisterSession(long SessionId) : INoSerializationVerificationNeeded;
