using Akka.Actor;

namespace LoomExchange.Gateway.Sessions;

/// <summary>Whether the session to kick was found on this node.</summary>
public sealed record KickResult(long SessionId, bool Found) : INoSerializationVerificationNeeded;
