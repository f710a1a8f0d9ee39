using Akka.Actor;

namespace LoomExchange.Actors.Journal;

/// <summary>A direct write of the receiving actor failed: nothing of it is journaled. Local only: never serialized.</summary>
public sealed record JournalWriteFailed(Exception Cause) : INoSerializationVerificationNeeded;
