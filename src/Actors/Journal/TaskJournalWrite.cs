namespace LoomExchange.Actors.Journal;

/// <summary>A write whose outcome completes a task: the Akka.Persistence plugin's path (<see cref="GroupCommitSqliteJournal"/>).</summary>
internal sealed class TaskJournalWrite(IReadOnlyList<JournalRow> rows) : JournalWrite(rows)
{
    // Asynchronous continuations: the plugin's continuation must not run the next round's work on the writer's thread.
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Done => _done.Task;

    public override void Committed() => _done.TrySetResult();

    public override void Failed(Exception cause) => _done.TrySetException(cause);
}
