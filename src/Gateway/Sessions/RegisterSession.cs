using Akka.Actor;

namespace LoomExchange.Gateway.Sessions;

/// <summary>A session logged on: <paramref name="Session"/> is its stream's actor (it understands <see cref="EndSession"/>).</summary>
internal sealed record RegisterSession(SessionInfo Info, SessionCounters Counters, IActorRef Session) : INoSerializationVerificationNeeded;
