namespace LoomExchange.Actors.Journal;

/// <summary>Where a <see cref="GroupCommitWriter"/> commits its rounds: a database it opens connections to.</summary>
internal interface IJournalStore
{
    /// <summary>Opens a connection for the writer's rounds; called on the writer's thread, again after a failed round.</summary>
    IJournalConnection Open();
}
