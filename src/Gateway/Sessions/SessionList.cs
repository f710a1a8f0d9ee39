using Akka.Actor;

namespace LoomExchange.Gateway.Sessions;

/// <summary>The live sessions of a node, by session id.</summary>
public sealed record SessionList(IReadOnlyList<SessionSummary> Sessions) : INoSerializationVerificationNeeded;
