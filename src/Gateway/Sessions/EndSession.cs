using Akka.Actor;

namespace LoomExchange.Gateway.Sessions;

/// <summary>Tells a session's stream to end the session: Logout(SessionEnded, <paramref name="Reason"/>), then close.</summary>
public sealed record EndSession(string Reason) : INoSerializationVerificationNeeded;
