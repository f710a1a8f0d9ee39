using Akka.Actor;

namespace LoomExchange.Actors.Startup;

/// <summary>What one <see cref="RecoveryProbe"/> read: snapshot offers and events, or why its recovery failed. Local only.</summary>
public sealed record RecoveryProbeResult(string PersistenceId, long Offered, string? Failure) : INoSerializationVerificationNeeded;
