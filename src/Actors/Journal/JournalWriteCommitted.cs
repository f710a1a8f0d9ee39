using Akka.Actor;

namespace LoomExchange.Actors.Journal;

/// <summary>The oldest outstanding direct write of the receiving actor has committed. Local only: never serialized.</summary>
public sealed class JournalWriteCommitted : INoSerializationVerificationNeeded
{
    public static readonly JournalWriteCommitted Instance = new();

    private JournalWriteCommitted()
    {
    }
}
