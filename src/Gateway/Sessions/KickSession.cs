using Akka.Actor;

namespace LoomExchange.Gateway.Sessions;

/// <summary>Ends a session (Logout SessionEnded with <paramref name="Reason"/>, then close); answered with <see cref="KickResult"/>.</summary>
public sealed record KickSession(long SessionId, string Reason) : INoSerializationVerificationNeeded;
