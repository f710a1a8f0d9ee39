using Akka.Actor;

namespace LoomExchange.Actors.Journal;

/// <summary>
/// A write whose outcome is told to an actor: the order books' direct path. One mailbox message per write, sent from
/// the writer's thread, instead of Akka.Persistence's task continuation, journal actor and resequencer hops.
/// </summary>
internal sealed class ActorJournalWrite(JournalRow row, IActorRef book) : JournalWrite([row])
{
    public override void Committed() => book.Tell(JournalWriteCommitted.Instance);

    public override void Failed(Exception cause) => book.Tell(new JournalWriteFailed(cause));
}
