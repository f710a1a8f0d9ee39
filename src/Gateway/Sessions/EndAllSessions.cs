using Akka.Actor;

namespace LoomExchange.Gateway.Sessions;

/// <summary>Ends every live session of the node (shutdown): each gets Logout(SessionEnded, <paramref name="Reason"/>).</summary>
public sealed record EndAllSessions(string Reason) : INoSerializationVerificationNeeded;
