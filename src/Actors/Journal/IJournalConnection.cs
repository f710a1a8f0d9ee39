namespace LoomExchange.Actors.Journal;

/// <summary>One writer's connection: commits a round of writes as one durable transaction.</summary>
internal interface IJournalConnection : IDisposable
{
    /// <summary>
    /// Commits the rows of every write in <paramref name="group"/>, each write whole or not at all. A write whose row
    /// the journal already holds (another incarnation of the same entity wrote that sequence number) may be left out
    /// and put in <paramref name="refused"/> while the others commit. Throws when the round as a whole failed: then
    /// nothing of it is in the journal.
    /// </summary>
    void Commit(List<JournalWrite> group, List<(JournalWrite Write, Exception Cause)> refused);

    /// <summary>Upkeep between rounds, after every write of the last round has heard its outcome (SQLite: bounding the WAL).</summary>
    void AfterRound();
}
