using Akka.Persistence;

namespace LoomExchange.Actors.Journal;

/// <summary>One persisted message as stored: serialized by Akka's serialization (our serializer for our types).</summary>
internal sealed record JournalRow(string PersistenceId, long SequenceNr, string Manifest, int SerializerId, string WriterUuid, long Timestamp, byte[] Payload)
{
    public static JournalRow From(IPersistentRepresentation message, Akka.Serialization.Serialization serialization)
    {
        var serializer = serialization.FindSerializerFor(message.Payload);
        return new JournalRow(
            message.PersistenceId,
            message.SequenceNr,
            Akka.Serialization.Serialization.ManifestFor(serializer, message.Payload),
            serializer.Identifier,
            message.WriterGuid ?? string.Empty,
            message.Timestamp == 0 ? DateTime.UtcNow.Ticks : message.Timestamp,
            serializer.ToBinary(message.Payload));
    }

    /// <summary>The row of a payload written directly (not through a persistence plugin), stamped now.</summary>
    public static JournalRow Of(string persistenceId, long sequenceNr, object payload, Akka.Serialization.Serialization serialization, string writerUuid)
    {
        var serializer = serialization.FindSerializerFor(payload);
        return new JournalRow(
            persistenceId,
            sequenceNr,
            Akka.Serialization.Serialization.ManifestFor(serializer, payload),
            serializer.Identifier,
            writerUuid,
            DateTime.UtcNow.Ticks,
            serializer.ToBinary(payload));
    }
}
