namespace LoomExchange.Actors.Journal;

/// <summary>
/// One caller's rows for the group-commit writer, told when the transaction that carries them has committed
/// (durably: synchronous = FULL) or failed. A caller's writes commit in the order it queued them.
/// </summary>
internal abstract class JournalWrite(IReadOnlyList<JournalRow> rows)
{
    public IReadOnlyList<JournalRow> Rows { get; } = rows;

    /// <summary>Runs on the writer's thread right after the commit: must only hand the news on, never block.</summary>
    public abstract void Committed();

    /// <summary>Runs on the writer's thread when the transaction failed: none of its rows is in the journal.</summary>
    public abstract void Failed(Exception cause);
}
