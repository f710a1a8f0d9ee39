using Akka.Persistence;

namespace LoomExchange.Actors.Journal;

/// <summary>One persisted message as stored: serialized by Akka's serialization (our serializer for our types).</summary>
internal sealed record JournalRow(string PersistenceId, long SequenceNr, string Manifest, int SerializerId, string WriterUuid, long Timestamp, byte[] Payload)
{
    public static JournalRow From(IPersistentRepresentation message, Akka.Serialization.Serialization serialization) =>
        Of(message.PersistenceId, message.SequenceNr, message.Payload, serialization, message.WriterGuid ?? string.Empty, message.Timestamp);

    /// <summary>The row of a payload; a <paramref name="timestamp"/> of 0 (none given) is stamped now.</summary>
    public static JournalRow Of(string persistenceId, long sequenceNr, object payload, Akka.Serialization.Serialization serialization, string writerUuid, long timestamp = 0)
    {
        var serializer = serialization.FindSerializerFor(payload);
        return new JournalRow(
            persistenceId,
            sequenceNr,
            Akka.Serialization.Serialization.ManifestFor(serializer, payload),
            serializer.Identifier,
            writerUuid,
            timestamp == 0 ? DateTime.UtcNow.Ticks : timestamp,
            serializer.ToBinary(payload));
    }
}
