using Akka.Actor;

namespace LoomExchange.Actors.Journal;

/// <summary>Creates the <see cref="BookJournalWriters"/> extension, once per actor system.</summary>
public sealed class BookJournalWritersProvider : ExtensionIdProvider<BookJournalWriters>
{
    public override BookJournalWriters CreateExtension(ExtendedActorSystem system) => new(system);
}
