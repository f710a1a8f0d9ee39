namespace LoomExchange.Actors.Startup;

/// <summary>Whether <see cref="PersistenceWarmup"/> has finished: the node's readiness waits for it.</summary>
public sealed class PersistenceWarmupStatus
{
    private readonly TaskCompletionSource<TimeSpan> _warm = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsWarm => _warm.Task.IsCompleted;

    /// <summary>How long the warm-up recovery took (completes once).</summary>
    public Task<TimeSpan> Warm => _warm.Task;

    internal void MarkWarm(TimeSpan took) => _warm.TrySetResult(took);
}
